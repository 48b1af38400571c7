"""The web user who owns a record; the portal's record rules test it."""
from trytond.model import fields
from trytond.pyson import Bool, Eval, If


def same_owner(parent=None):
    """The domain of a reference from an owned record to another one.

    The portal reads every record a record refers to with the owner's
    rights, so an owned record may only refer to its owner's records; the
    back office's unowned records may refer to any. A child record (a
    contribution, a track) has the owner of its parent.
    """
    if parent:
        owner = Eval('_parent_' + parent, {}).get('web_user')
    else:
        owner = Eval('web_user')
    return If(Bool(owner), [('web_user', '=', owner)], [])


class OwnedMixin:
    __slots__ = ()
    # RESTRICT: deleting an account that still owns works must be a
    # deliberate decision of the back office, not a silent cascade.
    web_user = fields.Many2One(
        'web.user', "Web User", ondelete='RESTRICT',
        help="The web user who owns this record in the portal.")
