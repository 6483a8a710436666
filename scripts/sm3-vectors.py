"""Writes test/auth/vectors/sm3.json: SDK-HMAC-SM3 signatures made by Huawei's official Python
signer (huaweicloudsdkcore.signer.signer.SM3Signer), for test/auth/sm3-vectors.test.ts.

Run once, by hand, in a virtual environment (the tests never run Python):
  python3 -m venv /tmp/hcsdk && /tmp/hcsdk/bin/pip install huaweicloudsdkcore==3.1.219
  /tmp/hcsdk/bin/python scripts/sm3-vectors.py > test/auth/vectors/sm3.json

The keys are obviously fake placeholders; nothing here is a credential.
"""
import json
import sys
from urllib.parse import quote

from importlib.metadata import version

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.algorithm import SigningAlgorithm
from huaweicloudsdkcore.signer.signer import SM3Signer

AK = "FAKEACCESSKEYFORSM3VECTORS"
SK = "fake-secret-key-for-sm3-vectors-not-real"
PROJECT = "0123456789abcdef0123456789abcdef"
LIVE_PATH = "/v1/%s/guard/https-cert" % PROJECT
CERT_BODY = json.dumps({
    "certificate_format": "PEM",
    "certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    "certificate_key": "placeholder key text",
    "force_redirect": True,
}, separators=(",", ":"))

CASES = [
    ("GET, query, empty body", "GET", "live.cn-north-4.myhuaweicloud.com", LIVE_PATH,
     [("domain", "play.example.com")], {"X-Project-Id": PROJECT}, ""),
    ("PUT with a JSON body", "PUT", "live.cn-north-4.myhuaweicloud.com", LIVE_PATH,
     [("domain", "play.example.com")], {"Content-Type": "application/json", "X-Project-Id": PROJECT}, CERT_BODY),
    ("DELETE, unicode and reserved characters in the query", "DELETE", "live.cn-north-4.myhuaweicloud.com", LIVE_PATH,
     [("domain", "直播.例子.中国 a+b&c=d")], {"X-Project-Id": PROJECT}, ""),
    ("IAM project lookup with a security token", "GET", "iam.cn-north-4.myhuaweicloud.com", "/v3/projects",
     [("name", "cn-north-4")], {"X-Security-Token": "fake-security-token-for-sm3-vectors"}, ""),
    ("a port in the host, a body ending in a newline", "POST", "127.0.0.1:8443", "/v1/x",
     [("b", "2"), ("a", "1")], {"Content-Type": "application/json"}, '{"a":1}\n'),
]

DATE = "20261128T101500Z"


def main():
    credentials = BasicCredentials(AK, SK)
    vectors = []
    for name, method, host, path, query, headers, body in CASES:
        header_params = dict(headers)
        header_params["X-Sdk-Date"] = DATE
        request = SdkRequest(method=method, schema="https", host=host, resource_path=path,
                             query_params=list(query), header_params=header_params, body=body,
                             signing_algorithm=SigningAlgorithm.HMAC_SM3)
        SM3Signer(credentials).sign(request)
        url = "https://%s%s?%s" % (host, path, "&".join("%s=%s" % (quote(k, safe=""), quote(v, safe="")) for k, v in query))
        vectors.append({
            "name": name,
            "method": method,
            "url": url,
            "headers": {k.lower(): v for k, v in headers.items()},
            "date": DATE,
            "body": body,
            "authorization": request.header_params["Authorization"],
        })
    json.dump({
        "generator": "scripts/sm3-vectors.py with huaweicloudsdkcore %s (SM3Signer)" % version("huaweicloudsdkcore"),
        "accessKey": AK,
        "secretKey": SK,
        "vectors": vectors,
    }, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
