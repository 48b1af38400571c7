"""The plain-text part of trytond's mails (html2text, where installed) with
its lines unwrapped: wrapped at 78 columns, a verification or reset link
broke at a hyphen of the address and no longer worked when pasted.

trytond makes the text with `html2text.HTML2Text()`, whose width default is
fixed when html2text is imported, so the class it finds there is replaced by
one whose default is no wrapping."""
try:
    import html2text
except ImportError:  # trytond then sends the text as it is
    html2text = None


def unwrapped(base):
    class Unwrapped(base):
        def __init__(self, *args, bodywidth=0, **kwargs):
            super().__init__(*args, bodywidth=bodywidth, **kwargs)
    return Unwrapped


if html2text is not None and html2text.HTML2Text.__name__ != 'Unwrapped':
    html2text.HTML2Text = unwrapped(html2text.HTML2Text)
