"""DDEX DSR (Digital Sales Report) flat files, version 3.x: read and check
an online service's usage report, Basic Audio profile and UGC profile.

Pure Python, no trytond: the reader streams the files of one report line
by line and yields one usage line at a time, with what its block says of
the resource and the work, so a month of a streaming service is read in
constant memory and the package is tested on its own. Storing the usages
is the importer's job (ado-do dsr-import).

A report is taken whole or not at all: anything wrong refuses it with
ReportRefused, one line naming the file and its line. The layouts follow
DDEX's profile schemas (ddexnet/dsrf: schemas/BasicAudioProfile/1.1,
schemas/UgcProfile) and DDEX's own sample report there: records.py holds
them as data, fields.py the cell formats, reader.py one file, report.py
the files of a report together.
"""
