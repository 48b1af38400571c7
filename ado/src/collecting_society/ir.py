"""Let record rules see which web user the portal works for."""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction


def _web_user():
    web_user = Transaction().context.get('web_user')
    # only a real id may reach a rule: None would match unowned records
    if isinstance(web_user, int) and not isinstance(web_user, bool):
        return web_user
    return None


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def _get_context(cls, model_name):
        context = super()._get_context(model_name)
        web_user = _web_user()
        context['context'] = {} if web_user is None else {
            'web_user': web_user}
        return context

    @classmethod
    def _get_cache_key(cls, model_names):
        # rules are cached per key, so the web user must be part of it
        return (*super()._get_cache_key(model_names), _web_user())
