"""Tools → Signing history and Tools → Usage report (issue 15): the journal as a table, and
the yearly usage report (PKS Pasal 4 ayat 1 huruf g) with its preview and exports. The
counting, the CSV and the PDF are the core's (``desktop_signer.usage``)."""
