# Sends one call with the official Python SDK (huaweicloudsdklive, huaweicloudsdkscm), as its users
# write it, for the parity tests. Reads {ak, sk, project_id, endpoint, operation, domain, body?} (CCM:
# domain_id, query) as JSON on stdin; prints {"status": N} on success. The secret key never leaves
# this process but for the signature.
import json
import sys

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdklive.v1 import LiveClient, model

args = json.load(sys.stdin)
operation = args["operation"]
if operation.startswith("ccm-"):
    # CCM is a global service: GlobalCredentials, signed with the account id (X-Domain-Id).
    from huaweicloudsdkcore.auth.credentials import GlobalCredentials
    from huaweicloudsdkscm.v3 import ScmClient, model as scm

    global_credentials = GlobalCredentials(args["ak"], args["sk"], args["domain_id"])
    ccm = ScmClient.new_builder().with_credentials(global_credentials).with_endpoint(args["endpoint"]).build()
    if operation == "ccm-import":
        response = ccm.import_certificate(
            scm.ImportCertificateRequest(body=scm.ImportCertificateRequestBody(**args["body"]))
        )
    elif operation == "ccm-list":
        response = ccm.list_certificates(scm.ListCertificatesRequest(**args["query"]))
    else:
        raise SystemExit("unknown operation " + operation)
    print(json.dumps({"status": response.status_code}))
    sys.exit(0)
credentials = BasicCredentials(args["ak"], args["sk"], args["project_id"])
client = LiveClient.new_builder().with_credentials(credentials).with_endpoint(args["endpoint"]).build()
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
