"""What the checks find: a refused file, or a message about one transaction.

The specification rejects at five levels: the entire file (ER), a group
(GR), a transaction (TR), a record (RR) or a field (FR, replaced by its
default). A whole file or group is refused with one line and nothing of it
is imported; the other levels become MSG records in the ACK, and the other
works of the file go on.
"""
from dataclasses import dataclass


class FileRejected(ValueError):
    """The whole file is refused: `line` names the physical line (1 is the
    HDR), `problem` says what is wrong, in words."""

    def __init__(self, line, problem):
        self.line = line
        self.problem = problem
        super().__init__(f'line {line}: {problem}')


@dataclass
class Message:
    """One MSG record of the ACK.

    `type` is what was rejected ('T' the transaction, 'R' the record, 'F'
    the field, replaced by its default), `level` where the edit is defined
    ('T' a transaction rule, 'R' a record rule, 'F' a field rule), `edit`
    the edit's number in the specification's list for that record type.
    """
    type: str
    level: str
    record_sequence: int
    record_type: str
    edit: int
    text: str
