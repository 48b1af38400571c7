"""What the checks find: a refused report.

A usage report is money: a report with one wrong count may have lost or
doubled lines, so it is refused whole, never taken in part. The message is
one line naming the file and the line, for the operator to send back to
the service.
"""


class ReportRefused(ValueError):
    """The whole report is refused: `file` names the file, `line` its
    physical line (1 is the HEAD), `problem` says what is wrong, in words."""

    def __init__(self, file, line, problem):
        self.file = file
        self.line = line
        self.problem = problem
        super().__init__(f'{file}: line {line}: {problem}')


class CellError(ValueError):
    "A cell's text does not fit its format; the message says why"
