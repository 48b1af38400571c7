import json

import click

from .. import dbutils, options, settings


@click.command('dsr-import')
@click.argument('dbname', type=options.DBNAME)
@click.argument('files', nargs=-1, required=True, type=click.Path(
    exists=True, dir_okay=False, allow_dash=True))
@click.option('--licensee', required=True, metavar='NAME',
              help='The licensee (the online service) the report declares for.')
@click.option('--category', default='stream', show_default=True, metavar='CODE',
              help='The tariff category of the declaration.')
@click.option('--json', 'as_json', is_flag=True,
              help='Print the summary as JSON on stdout.')
@options.timeout
def command(dbname, files, licensee, category, as_json, timeout):
    """Import the DDEX DSR usage report FILES (its files, plain or .gz;
    '-': stdin, a one-file report) into DBNAME.

    The report becomes one declaration of the licensee for the report's
    period, with a utilisation per usage line, unidentified unless an ISRC
    or ISWC names a registered recording or creation. DSR 3.x, Basic Audio
    and UGC profiles. The whole report is checked as it is stored, in one
    transaction: a report whose structure, counts or cells are wrong, or
    whose files are not all given once, is refused with one line naming
    the file and line, and nothing is stored. A report (its MessageId) is
    imported once. A summary goes to stderr (--json: to stdout).

    \b
    Example:
      docker compose run --rm tryton ado-do dsr-import c3s \\
          --licensee 'Commons Stream' /reports/DSR_..._1of2_....tsv.gz \\
          /reports/DSR_..._2of2_....tsv.gz
    """
    # imported here so that ado-do starts without the module's package
    from collecting_society.dsr.errors import ReportRefused
    from collecting_society.dsr.report import Report

    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    try:
        with Report(files) as report:
            summary = _store(dbname, report, licensee, category)
    except ReportRefused as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(summary, indent=1))
    else:
        click.echo(_summary_line(summary), err=True)


def _store(dbname, report, licensee, category):
    """Store the report in one Tryton transaction, committed only when
    the whole report was read and checked"""
    settings.trytond_config()
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    from collecting_society.usage_report import ImportRefused, import_report
    with Transaction().start(dbname, 0) as transaction:
        Pool(dbname).init()
        try:
            summary = import_report(report, licensee, category)
        except ImportRefused as error:
            transaction.rollback()
            raise click.ClickException(f'{dbname}: {error}') from None
        except BaseException:
            transaction.rollback()
            raise
        transaction.commit()
    return summary


def _summary_line(summary):
    start, end = summary['period']
    return (f'report {summary["message_id"]} ({summary["profile"]}, '
            f'{start} to {end}, {len(summary["files"])} files, '
            f'{summary["lines"]} lines): declaration {summary["declaration"]} '
            f'of {summary["licensee"]}, {summary["utilisations"]} utilisations, '
            f'{summary["usages"]} usages; identified by ISRC '
            f'{summary["identified_by_isrc"]}, by ISWC '
            f'{summary["identified_by_iswc"]}; '
            f'{summary["left_out_without_usages"]} lines without usages left out')
