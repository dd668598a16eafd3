"""Ask a SPARQL endpoint (Wikidata's, or a mirror) who held chosen positions, for `checker kb update`.

The query returns the variables `importers.sparql_json` reads (see `importers.SPARQL_VARIABLES`): one row
per "position held" (P39) statement with its start (P580) and end (P582) and their precisions, the country
of the position (P17, as an ISO 3166 code: P297), the person's English and Spanish names, gender (P21) and
date of birth (P569). Deprecated statements are left out.

This is the only place the checker opens a network connection, and only when asked to.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_TIMEOUT = 60.0
USER_AGENT = "checker/0.1 (knowledge-base update; Python urllib)"  # Wikidata asks clients to name themselves


class EndpointError(RuntimeError):
    """The endpoint could not be reached, timed out, or answered with something that is not results."""


def position_query(positions: list[str]) -> str:
    for p in positions:
        if not re.match(r"^Q\d+$", p):
            raise ValueError(f"not a Wikidata item id: {p!r}")
    values = " ".join(f"wd:{p}" for p in positions)
    return f"""SELECT ?person ?personLabel ?position ?positionLabel ?positionLabelEs ?start ?startPrecision
       ?end ?endPrecision ?country ?gender ?born ?died
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {{
  VALUES ?position {{ {values} }}
  ?person p:P39 ?held .
  ?held ps:P39 ?position ; pqv:P580 ?startValue .
  ?startValue wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision .
  OPTIONAL {{ ?held pqv:P582 ?endValue . ?endValue wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }}
  FILTER NOT EXISTS {{ ?held wikibase:rank wikibase:DeprecatedRank . }}
  OPTIONAL {{ ?position wdt:P17 ?countryItem . ?countryItem wdt:P297 ?country . }}
  OPTIONAL {{ ?position rdfs:label ?positionLabelEs . FILTER(LANG(?positionLabelEs) = "es") }}
  OPTIONAL {{ ?person wdt:P21 ?gender . }}
  OPTIONAL {{ ?person wdt:P569 ?born . }}
  OPTIONAL {{ ?person wdt:P570 ?died . }}
  OPTIONAL {{ ?person skos:altLabel ?alias . FILTER(LANG(?alias) IN ("en", "es")) }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en,es". }}
}}
GROUP BY ?person ?personLabel ?position ?positionLabel ?positionLabelEs ?start ?startPrecision ?end ?endPrecision
         ?country ?gender ?born ?died
ORDER BY ?position ?start"""


def fetch(endpoint: str, query: str, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """POST the query and return the decoded JSON results; EndpointError says why not."""
    if not re.match(r"^https?://", endpoint):
        raise EndpointError(f"the endpoint must be an http(s) URL, not {endpoint!r}")
    body = urllib.parse.urlencode({"query": query, "format": "json"}).encode()
    req = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Accept": "application/sparql-results+json", "User-Agent": USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        raise EndpointError(f"{endpoint} answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise EndpointError(f"{endpoint} did not answer within {timeout:g} s (--timeout)") from None
        raise EndpointError(f"cannot reach {endpoint}: {exc.reason} (offline? try again later, or pass "
                            f"--endpoint for a mirror)") from None
    except TimeoutError:
        raise EndpointError(f"{endpoint} did not answer within {timeout:g} s (--timeout)") from None
    except OSError as exc:
        raise EndpointError(f"cannot reach {endpoint}: {exc}") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EndpointError(f"{endpoint} did not return SPARQL JSON results ({raw[:80]!r}...)") from None
