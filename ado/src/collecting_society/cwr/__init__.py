"""CWR (CISAC's Common Works Registration) 2.1 and 2.2: read and check a
publisher's registration file, write the society's ACK file back.

Pure Python, no trytond: the reader streams a file line by line and yields
one transaction (a work with its publishers, writers, titles, recordings)
at a time, so a catalogue of 100,000 works is read in constant memory and
the package is tested on its own. Storing the works is the importer's job.

The layouts and rules follow CISAC's "Functional specifications: Common
Works Registration version 2.1 Rev 8" and "version 2.2 Rev 2"
(CWR11-1991R4, CWR19-1070R1): field positions in records.py, code lists in
lookups.py, the "edit" levels (ER file, GR group, TR transaction, RR record,
FR field rejected) in reader.py and checks.py.
"""
