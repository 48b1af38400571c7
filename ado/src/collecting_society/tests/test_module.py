import datetime

from lxml import etree

from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


class CollectingSocietyTestCase(ModuleTestCase):
    "Test the collecting_society module"
    module = 'collecting_society'

    @with_transaction()
    def test_rule_context_web_user(self):
        "Record rules see only an integer web user"
        Rule = Pool().get('ir.rule')
        for value, expected in [
                (7, {'web_user': 7}),
                (None, {}),
                (True, {}),
                ('7', {}),
                ]:
            with self.subTest(value=value), \
                    Transaction().set_context(web_user=value):
                self.assertEqual(
                    Rule._get_context('artist')['context'], expected)

    @with_transaction()
    def test_rule_cache_key_web_user(self):
        "Each web user has their own cached rule domain"
        Rule = Pool().get('ir.rule')
        keys = set()
        for web_user in [1, 2]:
            with Transaction().set_context(web_user=web_user):
                keys.add(Rule._get_cache_key({'artist'}))
        self.assertEqual(len(keys), 2)

    @with_transaction()
    def test_license_uuid_stable(self):
        "The licenses' public ids are uuid5 of their URL"
        import uuid
        License = Pool().get('license')
        licenses = License.search([])
        self.assertEqual(len(licenses), 7)
        for license in licenses:
            self.assertEqual(
                license.uuid, str(uuid.uuid5(uuid.NAMESPACE_URL, license.url)))

    @with_transaction()
    def test_deactivating_web_user_queues_end_of_sessions(self):
        "Deactivating a web user queues a task that ends its sessions"
        pool = Pool()
        WebUser = pool.get('web.user')
        Session = pool.get('web.user.session')
        Queue = pool.get('ir.queue')
        user, other = WebUser.create([
                {'email': 'leaving@example.org'}, {'email': 'staying@example.org'}])
        user.new_session()
        other.new_session()
        WebUser.write([user], {'active': False})
        task, = [t for t in Queue.search([]) if t.data['method'] == 'end_sessions']
        task.run()
        self.assertEqual(Session.search([('user', '=', user.id)]), [])
        self.assertEqual(len(Session.search([('user', '=', other.id)])), 1)

    @with_transaction()
    def test_remove_expired_keeps_current_and_owning_users(self):
        "The scheduled removal keeps fresh sessions and verified users"
        pool = Pool()
        WebUser = pool.get('web.user')
        Session = pool.get('web.user.session')
        user, = WebUser.create([{'email': 'fresh@example.org'}])
        user.new_session()
        WebUser.remove_expired()
        self.assertEqual(len(Session.search([('user', '=', user.id)])), 1)
        self.assertEqual(WebUser.search([('id', '=', user.id)]), [user])

    @with_transaction()
    def test_cron_method_is_selectable(self):
        "The scheduled action's method is one ir.cron offers"
        from ..housekeeping import CRON_METHOD
        Cron = Pool().get('ir.cron')
        cron, = Cron.search([('method', '=', CRON_METHOD)])
        self.assertEqual(cron.interval_type, 'hours')


    @with_transaction()
    def test_session_key_is_kept_until_its_session_ends(self):
        "A cached session key stops working when its session or user ends"
        pool = Pool()
        WebUser = pool.get('web.user')
        Session = pool.get('web.user.session')
        user, = WebUser.create([{'email': 'cached@example.org'}])
        key, other = user.new_session(), user.new_session()
        self.assertEqual(Session.web_user_of(key), user.id)
        hits = Session._web_user_cache.hit
        self.assertEqual(Session.web_user_of(key), user.id)
        self.assertEqual(Session._web_user_cache.hit, hits + 1)
        Session.remove(key)
        self.assertIsNone(Session.web_user_of(key))
        self.assertEqual(Session.web_user_of(other), user.id)
        WebUser.write([user], {'active': False})
        self.assertIsNone(Session.web_user_of(other))
        self.assertIsNone(Session.web_user_of('no such key'))

    @with_transaction()
    def test_token_is_kept_until_revoked(self):
        "A cached API token stops working when it is revoked or expires"
        pool = Pool()
        WebUser = pool.get('web.user')
        ApiToken = pool.get('web.user.api_token')
        user, = WebUser.create([{'email': 'token@example.org'}])
        key, token = ApiToken.issue(user.id, "probe")
        # noted as used: owner() notes a use in a transaction of its own,
        # which cannot see this test's uncommitted token
        just_used = {'last_used': datetime.datetime.now()}
        ApiToken.write([token], just_used)
        self.assertEqual(ApiToken.owner(key), (user.id, token.uuid))
        hits = ApiToken._owner_cache.hit
        self.assertEqual(ApiToken.owner(key), (user.id, token.uuid))
        self.assertEqual(ApiToken._owner_cache.hit, hits + 1)
        ApiToken.write([token], {'expires': datetime.datetime(2000, 1, 1)})
        self.assertIsNone(ApiToken.owner(key))
        key, token = ApiToken.issue(user.id, "probe")
        ApiToken.write([token], just_used)
        self.assertEqual(ApiToken.owner(key), (user.id, token.uuid))
        ApiToken.delete([token])
        self.assertIsNone(ApiToken.owner(key))

    @with_transaction()
    def test_summaries_follow_creations_and_artists(self):
        "The cached creation summaries show each change at once"
        pool = Pool()
        Artist = pool.get('artist')
        Creation = pool.get('creation')
        artist, = Artist.create([{'name': "Before"}])
        first, = Creation.create([{'title': "One", 'artist': artist.id}])
        rows, total = Creation.summaries([('artist', '=', artist.id)])
        self.assertEqual((total, [r['title'] for r in rows]), (1, ["One"]))
        Creation.create([{'title': "Two", 'artist': artist.id}])
        Artist.write([artist], {'name': "After"})
        rows, total = Creation.summaries([('artist', '=', artist.id)])
        self.assertEqual(total, 2)
        self.assertEqual({r['artist']['name'] for r in rows}, {"After"})
        rows, total = Creation.summaries(
            [('artist', '=', artist.id)], offset=1, limit=1, order=[('title', 'ASC')])
        self.assertEqual((total, [r['title'] for r in rows]), (2, ["Two"]))
        Creation.delete([first])
        self.assertEqual(Creation.summaries([('artist', '=', artist.id)])[1], 1)

    @with_transaction()
    def test_new_record_shows_no_uuid_until_saved(self):
        "The client's new form shows no UUID; the one saved is the one read"
        Artist = Pool().get('artist')
        # what the client shows in a new form (it never sends a read-only field)
        self.assertIsNone(Artist.default_get(['uuid']).get('uuid'))
        artist, = Artist.create([{'name': "Probe"}])
        self.assertTrue(artist.uuid)
        self.assertEqual(Artist.read([artist.id], ['uuid'])[0]['uuid'], artist.uuid)
        copy, = Artist.copy([artist])
        self.assertTrue(copy.uuid)
        self.assertNotEqual(copy.uuid, artist.uuid)

    @with_transaction()
    def test_list_columns_fit_their_headers(self):
        "Each column of the back office's lists is wide enough for its header"
        pool = Pool()
        for model in ['artist', 'web.user']:
            view = pool.get(model).fields_view_get(view_type='tree')
            for header, width in list_columns(view):
                with self.subTest(model=model, column=header):
                    self.assertGreaterEqual(width, header_width(header))

    @with_transaction()
    def test_artist_list_shares_its_width(self):
        "Every text column of the artist list expands, not only the name"
        view = Pool().get('artist').fields_view_get(view_type='tree')
        tree = etree.fromstring(view['arch'])
        for node in tree.xpath('//field'):
            if view['fields'][node.get('name')]['type'] in ('char', 'many2one'):
                with self.subTest(column=node.get('name')):
                    self.assertTrue(node.get('expand'))


# The Tryton 8.0 client's column widths (tryton/gui/window/view_form/view/
# list_gtk/widget.py, default_width) where a view gives none; buttons: 80.
CLIENT_DEFAULT_WIDTH = {
    'integer': 60, 'biginteger': 60, 'float': 80, 'numeric': 80, 'timedelta': 100,
    'date': 100, 'datetime': 100, 'time': 100, 'selection': 90, 'char': 100,
    'one2many': 50, 'many2many': 50, 'boolean': 20, 'binary': 200}


def list_columns(view):
    """[(header, width in pixels)] of a tree view, as the client lays it out."""
    tree = etree.fromstring(view['arch'])
    columns = []
    for node in tree:
        if node.tag == 'field':
            field = view['fields'][node.get('name')]
            default = CLIENT_DEFAULT_WIDTH.get(field['type'], 100)
            header = node.get('string') or field['string']
        elif node.tag == 'button':
            default, header = 80, node.get('string') or node.get('name')
        else:
            continue
        columns.append((header, int(node.get('width') or default)))
    return columns


def header_width(header):
    """A header's width in GTK's default 10 pt sans font (about 8 pixels a
    character, the widest), plus the column's padding and sort arrow."""
    return 8 * len(header) + 20


del ModuleTestCase
