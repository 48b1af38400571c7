"""Mails of the portal that trytond's web_user does not send itself. Sent
through trytond's [email] uri when the transaction commits; plain functions,
so a queue can take them over later."""
from email.message import EmailMessage


def already_registered(email, portal_url):
    """Tell the owner of an address that someone tried to register it."""
    from trytond.config import config
    from trytond.sendmail import send_message_transactional
    message = EmailMessage()
    message['From'] = config.get('email', 'from')
    message['To'] = email
    message['Subject'] = 'Your account at the collecting society'
    message.set_content(
        'Someone (maybe you) tried to register an account with this email address,\n'
        'which has one already. If it was you, log in, or set a new password at\n'
        f'{portal_url.rstrip("/")}/reset\n\n'
        'If it was not you, you need not do anything.\n')
    send_message_transactional(message)
