"""The backup service's schedule and generations (ADO_BACKUP_SCHEDULE, ADO_BACKUP_KEEP)."""
import datetime

import click
import pytest

from ado_do import schedule

UTC = datetime.timezone.utc


class Backup:
    def __init__(self, *when):
        self.time = datetime.datetime(*when, tzinfo=UTC)


@pytest.mark.parametrize('text, seconds', [('30s', 30), ('15m', 900), ('6h', 21600),
                                           ('1d', 86400), ('2w', 1209600)])
def test_interval(text, seconds):
    assert schedule.interval(text).total_seconds() == seconds


@pytest.mark.parametrize('text', ['', 'daily', '0s', '1y', '-1d', '1.5h'])
def test_a_bad_interval_says_how_to_write_one(text):
    with pytest.raises(click.ClickException, match='e.g. 1d or 30s'):
        schedule.interval(text)


@pytest.mark.parametrize('text', ['hourly:3', 'daily:x', 'daily:0', 'last'])
def test_bad_generations_are_refused(text):
    with pytest.raises(click.ClickException):
        schedule.generations(text)


def test_last_keeps_the_newest():
    backups = [Backup(2026, 11, 28, 12, m) for m in (5, 4, 3, 2)]
    assert schedule.kept(backups, schedule.generations('last:2')) == set(backups[:2])


def test_daily_and_weekly_keep_the_newest_of_each_day_and_week():
    # newest first: two on the 28th, one on the 27th, one a week and two weeks before
    backups = [Backup(2026, 11, 28, 12), Backup(2026, 11, 28, 6), Backup(2026, 11, 27, 6),
               Backup(2026, 11, 20, 6), Backup(2026, 11, 13, 6)]
    kept = schedule.kept(backups, schedule.generations('daily:2,weekly:2'))
    assert kept == {backups[0], backups[2], backups[3]}
