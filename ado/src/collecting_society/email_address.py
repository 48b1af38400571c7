"""Email addresses as the society tells accounts apart: normalised (case,
Unicode form, a trailing dot of the domain), and compared by their Unicode
skeleton, so that `alicе@example.org` (a Cyrillic "е") or
`alice@example.org.` is the same account as alice's, not a look-alike."""
import unicodedata

from confusable_homoglyphs import confusables


def normal_email(raw):
    email = unicodedata.normalize('NFKC', raw or '').strip().lower()
    local, at, domain = email.rpartition('@')
    return f'{local}@{domain.rstrip(".")}' if at else email


def skeleton(email):
    """The address with every character that looks like an ASCII one
    replaced by it (Unicode's confusables table)."""
    letters = []
    for char in normal_email(email):
        if not char.isascii():
            glyphs = confusables.confusables_data.get(char, ())
            char = next((g['c'] for g in glyphs if g['c'].isascii()), char)
        letters.append(char.lower())
    return ''.join(letters)
