"""The web user who owns a record; the portal's record rules test it."""
from trytond.model import fields


class OwnedMixin:
    __slots__ = ()
    # RESTRICT: deleting an account that still owns works must be a
    # deliberate decision of the back office, not a silent cascade.
    web_user = fields.Many2One(
        'web.user', "Web User", ondelete='RESTRICT',
        help="The web user who owns this record in the portal.")
