# How the official Python SDK's configparser reads each of many credentials files: reads a JSON
# list of file texts on stdin, writes each to a file and reads it back exactly as
# huaweicloudsdkcore's ProfileCredentialProvider does (ConfigParser(), read(path, encoding='utf-8'),
# items('basic')); prints one JSON result per file.
import configparser
import json
import os
import sys
import tempfile


def outcome(path):
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.MissingSectionHeaderError as error:
        return {"error": type(error).__name__, "line": error.lineno}
    except configparser.ParsingError as error:
        return {"error": type(error).__name__, "line": error.errors[0][0]}
    except configparser.Error as error:
        return {"error": type(error).__name__, "line": getattr(error, "lineno", None)}
    result = {
        "defaults": dict(parser._defaults),
        "sections": {name: dict(options) for name, options in parser._sections.items()},
    }
    if parser.has_section("basic"):
        try:
            result["basic"] = dict(parser.items("basic"))
        except configparser.Error as error:
            result["basic"] = {"error": type(error).__name__}
    return result


texts = json.load(sys.stdin)
results = []
with tempfile.TemporaryDirectory() as directory:
    path = os.path.join(directory, "credentials")
    for text in texts:
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        results.append(outcome(path))
json.dump(results, sys.stdout)
