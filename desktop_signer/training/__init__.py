"""Training mode (bimbingan teknis): a local PKI, TSA/OCSP/CRL and SoftHSM tokens.

The same code builds the test bench (tests/conftest.py), so what trainers use is tested.
"""
