NONCE_HTTP_HEADER = "X-CSP-Nonce"
"""
The request header containing the value of the CSP nonce.

See https://content-security-policy.com/nonce/ for more information.
"""
