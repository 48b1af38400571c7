"""URLs of the portal and of the API; both modes answer /health."""


def portal_routes(config):
    config.add_static_view('static', 'static', cache_max_age=3600)
    config.add_route('home', '/')
    config.add_route('register', '/register')
    config.add_route('login', '/login')
    config.add_route('logout', '/logout')
    config.add_route('dashboard', '/dashboard')
    for kind in ('artist', 'creation'):
        config.add_route(f'{kind}s', f'/{kind}s')
        config.add_route(f'{kind}_add', f'/{kind}s/add')
        config.add_route(f'{kind}_view', f'/{kind}s/{{uuid}}')
        config.add_route(f'{kind}_edit', f'/{kind}s/{{uuid}}/edit')
        config.add_route(f'{kind}_delete', f'/{kind}s/{{uuid}}/delete')


def api_routes(config):
    config.add_route('api_home', '/')
    config.add_route('api_openapi', '/v1/openapi.json')
    config.add_route('api_token', '/v1/token')
    for kind in ('artists', 'creations', 'licenses', 'releases'):
        config.add_route(f'api_{kind}', f'/v1/{kind}')
        config.add_route(f'api_{kind}_one', f'/v1/{kind}/{{uuid}}')


def includeme(config):
    config.add_route('health', '/health')
