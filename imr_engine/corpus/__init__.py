"""The development corpus: notes and real decisions the reader and rules were not written from."""
