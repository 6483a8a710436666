# Sends one call with the official Python SDK (huaweicloudsdklive), as its users write it, for the
# parity test. Reads {ak, sk, project_id, endpoint, operation, domain, body?} as JSON on stdin;
# prints {"status": N} on success. The secret key never leaves this process but for the signature.
import json
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdklive.v1 import LiveClient, model

args = json.load(sys.stdin)
credentials = BasicCredentials(args["ak"], args["sk"], args["project_id"])
client = LiveClient.new_builder().with_credentials(credentials).with_endpoint(args["endpoint"]).build()
operation = args["operation"]
if operation == "update":
    given = args["body"]
    tls = given.get("tls_certificate")
    body = model.DomainHttpsCertInfo(
        certificate_format=given.get("certificate_format"),
        certificate=given.get("certificate"),
        certificate_key=given.get("certificate_key"),
        force_redirect=given.get("force_redirect"),
        tls_certificate=model.TlsCertificateInfo(**tls) if tls else None,
    )
    response = client.update_domain_https_cert(model.UpdateDomainHttpsCertRequest(domain=args["domain"], body=body))
elif operation == "show":
    response = client.show_domain_https_cert(model.ShowDomainHttpsCertRequest(domain=args["domain"]))
elif operation == "delete":
    response = client.delete_domain_https_cert(model.DeleteDomainHttpsCertRequest(domain=args["domain"]))
else:
    raise SystemExit("unknown operation " + operation)
print(json.dumps({"status": response.status_code}))
