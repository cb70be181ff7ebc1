#!/usr/bin/python3
"""End-to-end test of the officers' web console in headless Chromium.

Signs in with an officer token, opens the top open alert that concerns an
item description, checks the evidence shown (highlighted words, control
entry title/explanation/source, list version), claims it, decides it with a
reason, sees it leave the open queue, and finds the decision in
`cordonctl audit export`, and that a right-to-left override in a reference
and a description is shown as a marked token instead of reordering the text.  One line per check ("ok - what" /
"not ok - what: detail"), last "browser: N passed, M failed"; exit 0 only if
everything passed.

Usage:
  CORDON_DB=... console_test.py --url http://127.0.0.1:PORT --token TOKEN \
      --ctl daemon/cordonctl --screenshots DIR

Needs the Debian packages chromium, chromium-driver and python3-selenium
(run it with /usr/bin/python3, which has the Debian selenium module).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

try:
    from selenium import webdriver
    from selenium.common.exceptions import (ElementNotInteractableException, NoSuchElementException,
                                            StaleElementReferenceException, TimeoutException,
                                            WebDriverException)
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as e:  # pragma: no cover
    print(f"not ok - import selenium: {e} (apt-get install python3-selenium; run with /usr/bin/python3)")
    print("browser: 0 passed, 1 failed")
    sys.exit(1)

TOTAL_SECONDS = 180  # the whole test, hard limit
WAIT = 10            # one UI wait

passed = 0
failed = 0


def ok(what):
    global passed
    passed += 1
    print(f"ok - {what}", flush=True)


def notok(what, detail=""):
    global failed
    failed += 1
    print(f"not ok - {what}" + (f": {detail}" if detail else ""), flush=True)


def check(what, cond, detail=""):
    """Records one check; returns cond."""
    if cond:
        ok(what)
    else:
        notok(what, detail)
    return bool(cond)


def api(base, token, path, method="GET", body=None):
    """Calls the Cordon API directly (to know what the console should show)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None


INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f"
                       "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def displayed(text):
    """What the console shows for <text>: invisible characters as a marked ⟨U+NNNN⟩ token."""
    return INVISIBLE.sub(lambda m: "\u27e8U+%04X\u27e9" % ord(m.group(0)), text)


def merged_marks(text, hits):
    """The texts the console should mark: byte spans of the hits, merged."""
    raw = text.encode("utf-8")
    spans = sorted((h["span"][0], h["span"][1]) for h in hits
                   if isinstance(h.get("span"), list) and 0 <= h["span"][0] < h["span"][1] <= len(raw))
    out = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [raw[s:e].decode("utf-8", "replace") for s, e in out]


def find_target(base, token):
    """The first open alert (queue order) with a hit on an item description; returns (row, alert).
    The console's queue shows open and claimed alerts by default, so the row is counted among both."""
    st, page = api(base, token, "/v1/alerts?status=open,claimed&limit=50")
    if st != 200 or not page:
        return None, None, f"GET /v1/alerts: HTTP {st} {page}"
    for row, a in enumerate(page.get("alerts") or []):
        if a.get("status") == "open" and any(str(h.get("field", "")).endswith(".description") for h in a.get("hits") or []):
            st, full = api(base, token, "/v1/alerts/" + a["id"])
            if st == 200:
                return row, full, ""
    return None, None, "no open alert with an item-description hit on the first page"


def party_check(args, driver, w, by_id, shot):
    """Submits a declaration with a listed consignee, opens its alert and checks the evidence beside the party."""
    name = f"console-party-{os.getpid()}"
    try:
        p = subprocess.run([args.ctl, "tokens", "create", "--role", "submitter", "--name", name],
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as e:
        notok("party evidence: submitter token", str(e))
        return
    sub = (p.stdout.strip().splitlines() or [""])[-1].strip()
    if not check("party evidence: a submitter token from cordonctl", p.returncode == 0 and sub, p.stderr.strip()[:200]):
        return
    decl = {"reference": f"CONSOLE-PARTY-{os.getpid()}", "type": "export",
            "parties": [{"role": "consignee", "name": "Korea Mining Development Trading Corp. - Pyongyang", "country": "KP"}],
            "route": {"dispatch": "EE", "destination": "KP"},
            "items": [{"seq": 1, "hs_code": "0901.21", "description": "Roasted coffee beans"}]}
    st, res = api(args.url, sub, "/v1/declarations", "POST", decl)
    # The UN hit (OFAC may list the same firm as well).
    hits = [h for a in (res or {}).get("alerts") or [] for h in a.get("hits") or []
            if h.get("reason") == "party" and h.get("list") == "un-sc"]
    if not check("party evidence: the listed consignee raises a party hit with its evidence",
                 st == 201 and hits and hits[0].get("entry") == "KPe.001" and hits[0].get("words")
                 and "address after the name" in hits[0].get("distortions", []) and hits[0].get("programme"),
                 f"HTTP {st} {json.dumps(hits)[:300]}"):
        subprocess.run([args.ctl, "tokens", "revoke", name], capture_output=True, timeout=10)
        return
    h = hits[0]
    driver.get(args.url + "/")
    try:
        w.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]"))
        st, page = api(args.url, args.token, "/v1/alerts?status=open&limit=200")
        aid = next((a["id"] for a in (page or {}).get("alerts") or [] if a.get("reference") == decl["reference"]), None)
        if not check("party evidence: the party alert is in the open queue", aid, f"HTTP {st}"):
            return
        click_open(driver, aid)
        w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-alert-id") == aid)
        ev = w.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#parties-body .party-evidence"))
        # One evidence block per hit on the party (UN and OFAC may both list it).
        text = "\n".join(e.text for e in ev)
        shot("09-party-evidence")
        want = [h["listed_name"], "KPe.001", h["programme"], "address after the name", "Words:"]
        if h.get("listed_on"):
            want.append(h["listed_on"])
        check("party evidence: beside the declared party, the listed name, words, distortions, entry, programme and date",
              all(x in text for x in want), f"shown {text!r}, wanted {want}")
    except TimeoutException:
        notok("party evidence: shown in the console", by_id("detail-error").text)
    finally:
        subprocess.run([args.ctl, "tokens", "revoke", name], capture_output=True, timeout=10)


RLO = "\u202e"
RLO_TOKEN = "\u27e8U+202E\u27e9"


def bidi_check(args, driver, w, by_id, shot, word, hs_code):
    """A reference and a description carrying U+202E (right-to-left override) are shown
    with the character marked as a visible token, never applied.  <word> and <hs_code>
    are those of an alert the active lists raise (so the description is highlighted)."""
    name = f"console-bidi-{os.getpid()}"
    try:
        p = subprocess.run([args.ctl, "tokens", "create", "--role", "submitter", "--name", name],
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as e:
        notok("bidi controls: submitter token", str(e))
        return
    sub = (p.stdout.strip().splitlines() or [""])[-1].strip()
    if not check("bidi controls: a submitter token from cordonctl", p.returncode == 0 and sub, p.stderr.strip()[:200]):
        return
    # The daemon learns of new tokens through a notification: give it a moment.
    for _ in range(50):
        if api(args.url, sub, "/v1/me")[0] == 200:
            break
        time.sleep(0.1)
    ref = f"BIDI-{os.getpid()}-{RLO}gpj.exe"
    desc = f"{word} {RLO}lanimret rof"
    decl = {"reference": ref, "type": "export",
            "items": [{"seq": 1, "hs_code": hs_code, "description": desc}]}
    try:
        st, res = api(args.url, sub, "/v1/declarations", "POST", decl)
        if not check("bidi controls: a declaration with U+202E in its reference and description raises an alert",
                     st == 201 and (res or {}).get("alerts"), f"HTTP {st} {json.dumps(res)[:300]}"):
            return
        # Its alert id from the stored declaration; the queue may be long (the integration
        # run stores many declarations): filter by its severity and load pages until it shows.
        st, stored = api(args.url, sub, "/v1/declarations/" + res["id"])
        al = ((stored or {}).get("alerts") or [{}])[0]
        aid = al.get("id")
        if not check("bidi controls: the stored declaration names its alert", st == 200 and aid, f"HTTP {st}"):
            return
        driver.get(args.url + "/")
        w.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]"))
        Select(by_id("f-severity")).select_by_value(al["severity"])
        Select(by_id("f-category")).select_by_value(al["category"])
        by_id("refresh").click()
        row = None
        for _ in range(100):
            time.sleep(0.2)
            rows = driver.find_elements(By.CSS_SELECTOR, f'tr[data-alert-id="{aid}"]')
            if rows:
                row = rows[0]
                break
            more = by_id("load-more")
            if more.is_displayed():
                more.click()
        if not check("bidi controls: the alert is in the open queue", row is not None, "not found after 100 pages"):
            return
        cell = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: d.find_element(By.CSS_SELECTOR, f'tr[data-alert-id="{aid}"] td.ref').text)
        check("bidi controls: the queue shows the reference with ⟨U+202E⟩ and without the override itself",
              f"BIDI-{os.getpid()}-{RLO_TOKEN}gpj.exe" in cell and RLO not in cell, repr(cell))
        click_open(driver, aid)
        w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-alert-id") == aid)
        title = by_id("detail-title").text
        check("bidi controls: the detail title shows the reference with ⟨U+202E⟩ in place",
              title.startswith(f"BIDI-{os.getpid()}-{RLO_TOKEN}gpj.exe") and RLO not in title, repr(title))
        boxes = driver.find_elements(By.CSS_SELECTOR, '#items [data-field="items[0]"] dd.description')
        text = boxes[0].text if boxes else ""
        marks = [m.text for m in boxes[0].find_elements(By.TAG_NAME, "mark")] if boxes else []
        tokens = boxes[0].find_elements(By.CSS_SELECTOR, "span.invisible-char") if boxes else []
        check("bidi controls: the description shows ⟨U+202E⟩, keeps its order and its highlighted words",
              text == f"{word} {RLO_TOKEN}lanimret rof" and marks == [word] and len(tokens) == 1
              and "U+202E" in (tokens[0].get_attribute("title") or ""), f"shown {text!r}, marks {marks}")
        # What the browser lays out: no character of the page's text is a bidi control.
        body = driver.execute_script("return document.getElementById('detail-body').innerText")
        check("bidi controls: no bidi control reaches the rendered detail pane",
              not any(c in body for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), repr(body[:200]))
        shot("10-bidi-marked")
    except TimeoutException:
        notok("bidi controls: shown in the console", by_id("detail-error").text)
    finally:
        subprocess.run([args.ctl, "tokens", "revoke", name], capture_output=True, timeout=10)


def new_token(args, role, name):
    """A token made with cordonctl, or None."""
    try:
        p = subprocess.run([args.ctl, "tokens", "create", "--role", role, "--name", name],
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    t = (p.stdout.strip().splitlines() or [""])[-1].strip()
    return t if p.returncode == 0 and t else None


def sign_in(driver, w, by_id, token, name):
    """Signs out if needed and signs in with <token>; True when the console shows <name>."""
    if by_id("session").is_displayed():
        by_id("signout").click()
        w.until(EC.visibility_of_element_located((By.ID, "token")))
    by_id("token").clear()
    by_id("token").send_keys(token)
    by_id("signin-button").click()
    try:
        w.until(lambda d: d.find_element(By.ID, "me-name").text == name)
        return True
    except TimeoutException:
        return False


def click_open(driver, aid):
    """Clicks the open button of alert <aid>'s queue row. The queue is redrawn whenever a load
    answers (sign-in, a filter, a refresh), so the row found may be replaced before the click
    reaches it: find and click happen inside one wait that tries again on a stale row."""
    def attempt(d):
        d.find_element(By.CSS_SELECTOR, f'tr[data-alert-id="{aid}"] button.open-alert').click()
        return True
    WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,
                                                    NoSuchElementException)).until(attempt)


def when_ready(driver, eid, act):
    """Runs act(element) on #<eid> once it is shown and enabled.  The detail pane is drawn again
    when the alert's newest copy arrives (a supervisor's view after the officer's), so an element
    found enabled may be hidden or replaced before the keys or the click reach it: the find, the
    check and the action happen inside one wait that tries again."""
    def attempt(d):
        e = d.find_element(By.ID, eid)
        if not (e.is_displayed() and e.is_enabled()):
            return False
        act(e)
        return True
    WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,
                                                    ElementNotInteractableException,
                                                    NoSuchElementException)).until(attempt)


def open_row(driver, w, by_id, aid):
    """Opens alert <aid> from the queue; True when its detail is shown."""
    try:
        click_open(driver, aid)
        w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-alert-id") == aid)
        return True
    except TimeoutException:
        return False


def workflow_check(args, driver, w, by_id, shot, officer):
    """Queue search and filters, folded hits with officers' field names, the legal basis of a
    sanctions entry, no pre-selected decision, and four eyes: an officer's release of a critical
    alert waits until a supervisor approves it in the console."""
    tag = os.getpid()
    # The queue is redrawn while filters change: a row found may go stale before it is read.
    w = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    sub = new_token(args, "submitter", f"console-wf-sub-{tag}")
    sup_name = f"console-supervisor-{tag}"
    sup = new_token(args, "supervisor", sup_name)
    if not check("workflow: submitter and supervisor tokens from cordonctl", sub and sup):
        return
    try:
        ref = f"CONSOLE-4EYES-{tag}"
        decl = {"reference": ref, "type": "export",
                "parties": [{"role": "exporter", "name": "Hanse Maschinen GmbH", "country": "DE"},
                            {"role": "consignee", "name": "Korea Mining Development Trading Corporation", "country": "KP"}],
                "route": {"dispatch": "DE", "destination": "KP"},
                "items": [{"seq": 1, "hs_code": "2812 12 00", "description": "Phosphorus oxychloride (POCl3), 200 kg drums",
                           "cas": ["10025-87-3"]}]}
        st, res = api(args.url, sub, "/v1/declarations", "POST", decl)
        alerts = (res or {}).get("alerts") or []
        crit = next((a for a in alerts if a.get("severity") == "critical" and a.get("category") == "sanctions"), None)
        folded = next((a for a in alerts if len(a.get("hits") or []) > len({(h["list"], h["entry"]) for h in a["hits"]})), None)
        if not check("workflow: the declaration raises a critical alert and one with repeated hits of an entry",
                     st == 201 and crit and folded, f"HTTP {st} {json.dumps(alerts)[:300]}"):
            return
        driver.get(args.url + "/")
        w.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]"))

        # search: only this declaration's alerts remain
        by_id("f-q").clear()
        by_id("f-q").send_keys(ref)
        by_id("refresh").click()
        try:
            w.until(lambda d: {r.get_attribute("data-alert-id") for r in d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]")}
                    == {a["id"] for a in alerts})
            ok(f"the search box narrows the queue to the declaration's {len(alerts)} alerts")
        except TimeoutException:
            notok("search in the queue", by_id("queue-count").text)
        row = w.until(lambda d: d.find_element(By.CSS_SELECTOR, f'tr[data-alert-id="{crit["id"]}"]').text)
        check("the queue shows destination, consignee and submitter",
              "KP" in row and "Korea Mining" in row and f"console-wf-sub-{tag}" in row, row)
        # country filter that excludes it
        by_id("f-country").send_keys("AE")
        by_id("refresh").click()
        try:
            w.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]"))
            ok("the country filter combines with the search")
        except TimeoutException:
            notok("country filter", by_id("queue-count").text)
        by_id("f-country").clear()
        by_id("refresh").click()
        shot("10-search")

        # folded hits, field names as officers say them
        if open_row(driver, w, by_id, folded["id"]):
            entries = {}
            for h in folded["hits"]:
                entries.setdefault(h["list"] + " " + h["entry"], []).append(h)
            lines = driver.find_elements(By.CSS_SELECTOR, "#hits > li.hit")
            key, hs = next((k, v) for k, v in entries.items() if len(v) > 1)
            line = [l for l in lines if l.get_attribute("data-entry") == key]
            check(f"repeated hits of {key} are one line with {len(hs)} pieces of evidence",
                  len(lines) == len(entries) and len(line) == 1 and
                  len(line[0].find_elements(By.CSS_SELECTOR, "li.evidence-item")) == len(hs),
                  f"{len(lines)} lines for {len(entries)} entries")
            labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#hits .field-label")]
            check("field names as officers say them (item 1 HS code, consignee country)",
                  any(l.startswith("item 1 HS code") for l in labels) and not any("[" in l for l in labels), labels)
            shot("11-folded")
        else:
            notok("open the alert with repeated hits")

        # the critical alert: legal basis, no pre-selected decision, four eyes
        if not open_row(driver, w, by_id, crit["id"]):
            notok("open the critical alert")
            return
        check("the legal basis of the sanctions entry is shown (programme and list)",
              "DPRK" in by_id("entries").text and "Legal basis" in by_id("entries").text, by_id("entries").text[:300])
        by_id("claim").click()
        w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-status") == "claimed")
        check("no decision is pre-selected", Select(by_id("decision")).first_selected_option.get_attribute("value") == "")
        by_id("decide-reason").send_keys("end user verified by the consulate")
        by_id("decide").click()
        try:
            w.until(lambda d: "Choose a decision" in d.find_element(By.ID, "action-error").text)
            ok("deciding without choosing a decision is refused in the page")
        except TimeoutException:
            notok("no decision chosen", by_id("action-error").text)
        Select(by_id("decision")).select_by_value("released")
        by_id("decide").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "approval").is_displayed())
            ok("a critical release is sent for approval (%s)" % by_id("action-status").text.strip())
        except TimeoutException:
            notok("release sent for approval", by_id("action-error").text)
            return
        st, now = api(args.url, officer, "/v1/alerts/" + crit["id"])
        check("the API keeps the alert claimed while the request waits",
              st == 200 and now["status"] == "claimed" and now["pending"]["decision"] == "released", f"{now}")
        check("the officer cannot approve their own request", not by_id("approve").is_enabled())
        shot("12-pending")

        # the supervisor approves
        if not check("signed in as the supervisor", sign_in(driver, w, by_id, sup, sup_name)):
            return
        by_id("f-approval").click()
        if not open_row(driver, w, by_id, crit["id"]):
            notok("the supervisor finds the request with the 'awaiting approval' filter")
            return
        ok("the supervisor finds the request with the 'awaiting approval' filter")
        # The pane may still show the officer's copy of this alert until the supervisor's arrives.
        w.until(lambda d: d.find_element(By.ID, "approve-set").is_enabled())
        def type_comment(e):
            e.clear()
            e.send_keys("consulate letter seen")
        when_ready(driver, "approve-comment", type_comment)
        when_ready(driver, "approve", lambda e: e.click())
        try:
            w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-status") == "released")
            ok("the supervisor's approval releases the alert")
        except TimeoutException:
            notok("supervisor approval", by_id("action-error").text)
            return
        st, me = api(args.url, officer, "/v1/me")
        want = f"released by {me['name']}, approved by {sup_name}"
        hist = by_id("history").text
        check(f"the history says \"{want}\"", want in hist and f"claimed by {me['name']}" in hist, hist)
        shot("13-approved")
        by_id("f-approval").click()
    except TimeoutException as e:
        notok("workflow in the console", str(e))
    finally:
        for n in (f"console-wf-sub-{tag}", sup_name):
            subprocess.run([args.ctl, "tokens", "revoke", n], capture_output=True, timeout=10)


def make_driver(profile):
    """Headless Chromium at laptop size, with the browser console log captured."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--no-first-run", "--window-size=1366,768", f"--user-data-dir={profile}"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    drv.set_page_load_timeout(15)
    drv.set_script_timeout(10)
    return drv


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--ctl", required=True)
    ap.add_argument("--screenshots", required=True)
    args = ap.parse_args()
    base = args.url.rstrip("/")
    os.makedirs(args.screenshots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="cordon-chromium-")
    driver = None

    def watchdog():
        notok("whole test within %d s" % TOTAL_SECONDS, "timed out")
        print(f"browser: {passed} passed, {failed} failed", flush=True)
        t = threading.Thread(target=lambda: driver and driver.quit(), daemon=True)
        t.start()
        t.join(3)
        shutil.rmtree(profile, ignore_errors=True)
        os._exit(1)

    timer = threading.Timer(TOTAL_SECONDS, watchdog)
    timer.daemon = True
    timer.start()

    def shot(name):
        try:
            driver.save_screenshot(os.path.join(args.screenshots, name + ".png"))
        except WebDriverException as e:
            print(f"# screenshot {name} failed: {e}")

    try:
        st, me = api(base, args.token, "/v1/me")
        if not check("GET /v1/me accepts the token", st == 200 and me and me.get("name"), f"HTTP {st} {me}"):
            return
        row, alert, why = find_target(base, args.token)
        if not check("the open queue has an alert with an item-description hit", alert, why):
            return

        driver = make_driver(profile)
        w = WebDriverWait(driver, WAIT)
        by_id = lambda i: driver.find_element(By.ID, i)
        driver.get(base + "/console/")
        try:
            w.until(EC.visibility_of_element_located((By.ID, "token")))
            ok("console page loads with a sign-in form")
        except TimeoutException:
            notok("console page loads with a sign-in form", driver.title)
            shot("00-failed-load")
            return
        shot("01-signin")

        # a wrong token is refused with a readable message
        by_id("token").send_keys("not-a-valid-token")
        by_id("signin-button").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "signin-error").text.strip())
            ok("a wrong token is refused with a message (%s)" % by_id("signin-error").text.strip())
        except TimeoutException:
            notok("a wrong token is refused with a message")

        by_id("token").clear()
        by_id("token").send_keys(args.token)
        by_id("signin-button").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "me-name").text == me["name"])
            ok(f"signed in as {me['name']} ({me['role']})")
        except TimeoutException:
            notok("sign in", by_id("signin-error").text)
            return
        check("the token is kept in sessionStorage",
              driver.execute_script("return sessionStorage.getItem('cordon.token')") == args.token)

        try:
            w.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]"))
            rows = driver.find_elements(By.CSS_SELECTOR, "#queue-body tr[data-alert-id]")
            ok(f"the queue shows {len(rows)} open alerts")
        except TimeoutException:
            notok("the queue shows alerts", by_id("queue-error").text)
            return
        shot("02-queue")
        ids = [r.get_attribute("data-alert-id") for r in rows]
        check(f"the target alert is row {row + 1} of the queue, as in the API's priority order",
              row < len(ids) and ids[row] == alert["id"], f"rows {ids[:5]}")

        aid = alert["id"]
        click_open(driver, aid)
        try:
            w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-alert-id") == aid)
            ok(f"opened alert {alert['reference']} ({aid})")
        except TimeoutException:
            notok("open the alert", by_id("detail-error").text)
            shot("03-failed-open")
            return
        shot("03-detail")

        # the item description with the matched words highlighted
        dhits = [h for h in alert["hits"] if str(h.get("field", "")).endswith(".description")]
        field = dhits[0]["field"]
        idx = int(field.split("[")[1].split("]")[0])
        desc = alert["declaration"]["items"][idx]["description"]
        want = merged_marks(desc, [h for h in dhits if h["field"] == field])
        boxes = driver.find_elements(By.CSS_SELECTOR, f'#items [data-field="items[{idx}]"] dd.description')
        shown = boxes[0].text if boxes else ""
        check("the item description is shown", shown == displayed(desc), f"shown {shown!r}, declared {desc!r}")
        marks = [m.text for m in boxes[0].find_elements(By.TAG_NAME, "mark")] if boxes else []
        check(f"the matched words are highlighted ({', '.join(want)})", marks == want and want,
              f"marked {marks}, expected {want}")

        detail = by_id("detail-body").text
        for e in alert.get("entries") or []:
            for key in ("title", "explanation", "source", "list_source"):
                if key == "source" and not e.get(key):
                    continue  # no finer reference than the list's own legal source
                check(f"control entry {e.get('code')}: {key} shown", e.get(key) and e[key] in detail,
                      f"{e.get(key)!r} not in the detail pane")
        if not alert.get("entries"):
            notok("control entries shown", "the alert has no entries")
        check(f"the list version ({alert['list_version']}) is shown",
              by_id("detail-list-version").text == str(alert["list_version"]),
              by_id("detail-list-version").text)

        # claim: first behind the page's back, so the console must show the API's 409 and catch up
        check("Decide is disabled before claiming", not by_id("decide").is_enabled())
        st, body = api(base, args.token, f"/v1/alerts/{aid}/claim", "POST", {})
        check("claim through the API (to make the page stale)", st == 200, f"HTTP {st} {body}")
        by_id("claim").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "action-error").text.strip())
            msg = by_id("action-error").text.strip()
            check("a refused claim shows the API's error message (%s)" % msg,
                  body is not None and "claimed" in msg.lower())
        except TimeoutException:
            notok("a refused claim shows the API's error message", "no message")
        try:
            w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-status") == "claimed")
            ok("claimed the alert; the page shows the current state")
        except TimeoutException:
            notok("claim the alert", by_id("action-error").text)
            return
        check("the detail shows who claimed it", me["name"] in by_id("summary").text)
        check("Decide is enabled once claimed", by_id("decide").is_enabled())
        shot("04-claimed")

        # a decision without a reason is refused
        Select(by_id("decision")).select_by_value("false_positive")
        by_id("decide").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "action-error").text.strip())
            ok("a decision without a reason is refused (%s)" % by_id("action-error").text.strip())
        except TimeoutException:
            notok("a decision without a reason is refused")

        reason = f"browser test {int(time.time())}: supplier documents show a civil product"
        by_id("decide-reason").send_keys(reason)
        by_id("decide").click()
        try:
            w.until(lambda d: d.find_element(By.ID, "detail-body").get_attribute("data-status") == "false_positive")
            ok("decided: false positive, with a reason")
        except TimeoutException:
            notok("decide the alert", by_id("action-error").text)
            shot("05-failed-decide")
            return
        try:
            w.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#history li[data-action="decision"]'))
            ok("the history shows the decision")
        except TimeoutException:
            notok("the history shows the decision", by_id("history").text)
        check("the history shows the reason", reason in by_id("history").text, by_id("history").text)
        try:
            w.until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'#queue-body tr[data-alert-id="{aid}"]'))
            ok("the alert left the open queue")
        except TimeoutException:
            notok("the alert left the open queue")
        shot("05-decided")

        # the decision in the audit trail
        try:
            env = dict(os.environ)
            p = subprocess.run([args.ctl, "audit", "export"], capture_output=True, text=True, timeout=15, env=env)
            rows = []
            for line in p.stdout.splitlines():
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    pass
            found = [r for r in rows if r.get("action") == "decision" and aid in json.dumps(r)
                     and reason in json.dumps(r, ensure_ascii=False)]
            check("`cordonctl audit export` has the decision with the alert id and reason",
                  p.returncode == 0 and found,
                  f"exit {p.returncode}, {len(rows)} rows; {p.stderr.strip()[:200]}")
        except (OSError, subprocess.TimeoutExpired) as e:
            notok("`cordonctl audit export` has the decision", str(e))

        # party-hit evidence beside the declared party (a submitter token made with cordonctl)
        party_check(args, driver, w, by_id, shot)

        # bidi controls in a reference and a description are shown, not applied
        bidi_check(args, driver, w, by_id, shot, want[0],
                   alert["declaration"]["items"][idx].get("hs_code") or "")
        # queue search and filters, folded hits, four eyes with a supervisor
        workflow_check(args, driver, w, by_id, shot, args.token)

        # sign out
        by_id("signout").click()
        try:
            w.until(EC.visibility_of_element_located((By.ID, "token")))
            ok("signed out")
        except TimeoutException:
            notok("signed out")
        check("sign-out forgets the token",
              driver.execute_script("return sessionStorage.getItem('cordon.token')") is None)

        # the 401 (wrong token) and 409 (stale claim) above are expected; anything else is a fault
        errors = [e["message"] for e in driver.get_log("browser")
                  if e.get("level") == "SEVERE" and not any(
                      f"status of {c}" in e.get("message", "") for c in (401, 409))]
        check("no script errors in the browser console", not errors, "; ".join(errors)[:300])
    except WebDriverException as e:
        notok("browser session", str(e).splitlines()[0] if str(e) else repr(e))
        if driver:
            shot("99-error")
    finally:
        timer.cancel()
        if driver:
            try:
                driver.quit()
            except WebDriverException:
                pass
        shutil.rmtree(profile, ignore_errors=True)
        print(f"browser: {passed} passed, {failed} failed", flush=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if failed == 0 and passed > 0 else 1)
