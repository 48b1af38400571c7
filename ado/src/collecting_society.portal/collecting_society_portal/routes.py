"""URLs of the portal and of the API; both modes answer /health."""


def portal_routes(config):
    config.add_static_view('static', 'static', cache_max_age=3600)
    config.add_route('home', '/')
    config.add_route('register', '/register')
    config.add_route('login', '/login')
    config.add_route('logout', '/logout')
    config.add_route('verify', '/verify')
    config.add_route('reset', '/reset')
    config.add_route('reset_confirm', '/reset/confirm')
    config.add_route('dashboard', '/dashboard')
    config.add_route('tokens', '/tokens')
    config.add_route('token_revoke', '/tokens/{uuid}/revoke')
    config.add_route('tokens_revoke_all', '/tokens/revoke-all')
    config.add_route('sessions', '/sessions')
    config.add_route('session_end', '/sessions/{id}/end')
    config.add_route('sessions_end_others', '/sessions/end-others')
    config.add_route('statements', '/statements')
    config.add_route('statements_csv', '/statements.csv')
    config.add_route('declarations', '/declarations')
    config.add_route('declaration_add', '/declarations/add')
    for kind in ('artist', 'creation', 'release'):
        config.add_route(f'{kind}s', f'/{kind}s')
        config.add_route(f'{kind}_add', f'/{kind}s/add')
        config.add_route(f'{kind}_view', f'/{kind}s/{{uuid}}')
        config.add_route(f'{kind}_edit', f'/{kind}s/{{uuid}}/edit')
        config.add_route(f'{kind}_delete', f'/{kind}s/{{uuid}}/delete')


def api_routes(config):
    config.add_route('api_home', '/')
    config.add_route('api_openapi', '/v1/openapi.json')
    config.add_route('api_token', '/v1/token')
    config.add_route('api_tokens', '/v1/tokens')
    config.add_route('api_tokens_one', '/v1/tokens/{uuid}')
    config.add_route('api_statements', '/v1/statements')
    config.add_route('api_declarations', '/v1/declarations')
    for kind in ('artists', 'creations', 'licenses', 'releases'):
        config.add_route(f'api_{kind}', f'/v1/{kind}')
        config.add_route(f'api_{kind}_one', f'/v1/{kind}/{{uuid}}')


def includeme(config):
    config.add_route('health', '/health')
