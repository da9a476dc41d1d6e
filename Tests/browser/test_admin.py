#!/usr/bin/env python3
"""Real-browser end-to-end test of the admin pages (headless Chromium through Selenium).

  python3 Tests/browser/test_admin.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve` (temporary data directory, SQLite, free port on 127.0.0.1) with an admin and an
agent made by `raaya admin create`; one desktop browser with an Arabic Accept-Language signs the admin in
through the form, then:

1. Arabic admin: /admin lands on /admin/users, <html lang=ar dir=rtl>, the admin tabs read word for word
   المستخدمون, المجموعات, صناديق البريد, إعدادات المحادثة, القواعد التلقائية, الردود الجاهزة, الهوية واللغات. On
   /admin/groups a group
   is added (Arabic name, tier typed as the Arabic-Indic digit "٢", which the field must keep, as the server
   reads Arabic-Indic digits): "حُفظت التغييرات" and the group, tier 2, in the list (and the API). On
   /admin/users an agent with an Arabic name is added with that group ticked: in the list with the group
   ticked, in the API with the group, and able to sign in. On /admin/macros a macro is added (Arabic title,
   body "أهلاً {{customer.name}}، …", status pending, tags "معلومات، ناقصة"): listed, its form shows what was
   saved, and the API has the two tags.
2. Branding on /admin/appearance: Arabic and English business names (the Arabic one carries "<b>", which must
   show as text, with no <b> element in the header), an accent colour set on the colour input, a 16×16 PNG logo
   (written by the test) uploaded through input#logo. After saving, the header's .brand shows the Arabic name
   and an img.logo that loaded, and a header link's computed colour is the accent. The header's language button
   then shows the English name.
3. Macro on a ticket (back in Arabic with the header's button): a ticket made through the API (Arabic subject,
   body and customer name; nine earlier tickets make its number #10); on its page the macro is chosen and
   applied: "طُبّق الرد الجاهز", the conversation's last message is the macro's text with the customer's name
   filled in, select#status says pending, the tags field has both tags (and the API agrees). A second ticket's
   page merges it into the first, its number typed "#١٠": the browser lands on the first ticket's page with
   "دُمجت التذكرة" and the second ticket's message in its conversation; the API says the second is closed.
4. Languages (last: it changes the server for everyone): Arabic unticked, English the default, saved; the page
   turns English with no language button; after signing out the sign-in page is <html lang=en dir=ltr>, in
   English although the browser asks for Arabic, and has no language link.

No console error in the browser. Screenshots (admin-*.png) go to --out (default test-output/browser/ in the
repository); other tests' screenshots there are left alone. Exits 0 when everything passed, 1 with a message
naming the failed check otherwise (the server's data directory and log are then kept, and failure-*.png saved
for each open browser).
"""

import os
import struct
import sys
import zlib

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import ADMIN, Browser as BaseBrowser, check, log, run  # noqa: E402

GROUP = {"name": "الدعم الفني المتقدم", "tier": "٢"}
NEW_AGENT = {"name": "نورة الشمري", "email": "noura@example.com", "password": "كلمة-سر-نورة-2026"}
MACRO = {"title": "طلب معلومات ناقصة",
         "body": "أهلاً {{customer.name}}، نحتاج رقم الطلب وصورة الفاتورة حتى نكمل طلبك.",
         "set_status": "pending", "add_tags": "معلومات، ناقصة", "tags": ["معلومات", "ناقصة"]}
BRAND = {"ar": "متجر <b>النخبة</b> للعطور", "en": "Al-Nukhba Perfumes — النخبة",
         "accent": "#b0306a", "accent_rgb": "rgb(176, 48, 106)", "logo": "شعار-النخبة.png"}
FIRST_TICKET = {"subject": "وصل العطر مكسوراً",
                "body": "السلام عليكم، وصلتني زجاجة العطر مكسورة داخل العلبة. ماذا أفعل؟",
                "customer": {"email": "reem@example.com", "name": "ريم الحربي"}}
EARLIER_TICKET = {"subject": "استفسار عن موعد التوصيل رقم", "body": "متى يصل طلبي؟",
                  "customer": {"email": "sultan@example.com", "name": "سلطان الدوسري"}}
SECOND_TICKET = {"subject": "بخصوص العطر المكسور مرة أخرى",
                 "body": "أرسلت لكم قبل قليل عن الزجاجة المكسورة، هذه صورة العلبة.",
                 "customer": {"email": "reem@example.com", "name": "ريم الحربي"}}

# The pages' words (Sources/RaayaServer/Web/Phrase.swift), checked word for word.
AR = {"signInTitle": "الدخول إلى مساحة العمل", "inbox": "صندوق التذاكر", "admin": "الإدارة",
      "tabs": ["المستخدمون", "المجموعات", "صناديق البريد", "إعدادات المحادثة", "القواعد التلقائية", "الردود الجاهزة",
               "الاستبيانات", "الهوية واللغات"],
      "changesSaved": "حُفظت التغييرات", "macroApplied": "طُبّق الرد الجاهز", "merged": "دُمجت التذكرة",
      "switchLanguage": "English"}
EN = {"signInTitle": "Sign in to the workspace", "inbox": "Inbox", "admin": "Administration",
      "changesSaved": "Changes saved", "switchLanguage": "العربية", "email": "Email", "password": "Password",
      "signIn": "Sign in"}

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# The page's state in one round trip: texts without bidi isolates.
SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const q = (s) => document.querySelector(s);
const all = (s, root) => Array.from((root || document).querySelectorAll(s));
const text = (s) => { const el = q(s); return el ? strip(el.textContent) : null; };
const value = (s, root) => { const el = (root || document).querySelector(s); return el ? el.value : null; };
const html = document.documentElement;
const logo = q('header .brand img.logo');
const headerLink = q('header nav a');
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  title: document.title, h1: text('main h1'),
  notice: text('main .notice:not([hidden])'), error: text('main .error'),
  views: all('nav.views a').map((a) => strip(a.textContent)),
  current: text('nav.views a[aria-current=page]'),
  brand: q('header .brand') ? { name: text('header .brand span'), elements: q('header .brand span').children.length,
    bold: all('header b').length } : null,
  logo: logo ? { complete: logo.complete, width: logo.naturalWidth, src: logo.getAttribute('src') } : null,
  preview: q('img.logo-preview') ? q('img.logo-preview').naturalWidth : null,
  headerLinkColor: headerLink ? getComputedStyle(headerLink).color : null,
  headerNav: text('header nav'),
  languageButton: text('header form[action="/language"] button'),
  languageLink: text('header a.language'),
  signOut: !!q('header form[action="/sign-out"]'),
  groups: all('form[action^="/admin/groups/"]').map((f) => ({ action: f.getAttribute('action'),
    name: value('input[name=name]', f), tier: value('input[name=tier]', f) })),
  users: all('form[action^="/admin/users/"]').map((f) => ({ action: f.getAttribute('action'),
    name: value('input[name=name]', f), email: strip(f.querySelector('bdi.muted').textContent),
    role: value('select[name=role]', f),
    groups: all('input[type=checkbox]:checked', f).map((c) => c.name) })),
  macros: all('main details.card').filter((d) => d.querySelector('form[action^="/admin/macros/"]')).map((d) => {
    const f = d.querySelector('form[action^="/admin/macros/"]:not([action$="/delete"])');
    return { summary: strip(d.querySelector('summary').textContent), action: f.getAttribute('action'),
      title: value('input[name=title]', f), body: value('textarea[name=body]', f),
      status: value('select[name=set_status]', f), tags: value('input[name=add_tags]', f),
      internal: f.querySelector('input[name=internal]').checked };
  }),
  appearance: q('#name-ar') ? { nameAr: value('#name-ar'), nameEn: value('#name-en'), accent: value('#accent'),
    offered: all('input[name^=offer_]:checked').map((c) => c.name),
    default: value('form[action="/admin/languages"] select[name=default]') } : null,
  messages: all('#conversation article.message').map((m) => ({
    classes: m.className, body: strip(m.querySelector('.body').textContent) })),
  status: value('select#status'), tags: value('input#tags'),
  macroChoices: all('select[name=macro_id] option').map((o) => ({ value: o.value, text: strip(o.textContent) })),
  signInLabels: all('main form[action="/sign-in"] label').map((l) => strip(l.textContent)),
  signInButton: text('main form[action="/sign-in"] button')
};
"""


class Browser(BaseBrowser):
    """A Chromium on the admin pages."""

    snapshot_js = SNAPSHOT_JS

    def saved(self, section, language=AR):
        """The section's page after a form's post: its notice, the section's tab marked current."""
        path = f"/admin/{section}?done=saved"
        state = self.wait(lambda s: s["url"] == path, f"the page {path} after saving")
        check(state["notice"] == language["changesSaved"] and state["error"] is None,
              f"after saving on /admin/{section}: notice {state['notice']!r}, error {state['error']!r}")
        return state


def tiny_png(path, rgb=(176, 48, 106), size=16):
    """A valid size×size PNG of one colour, written without any imaging library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))   # filter byte 0, then RGB pixels
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
    return path


# ---------------------------------------------------------------------------------------------- the scenarios

def admin_forms(server, admin, browser, out, found):
    """Arabic admin: tabs word for word, a group with an Arabic-Indic tier, an agent in it, a macro."""
    browser.driver.get(server.base + "/sign-in")
    state = browser.wait(lambda s: s["h1"] == AR["signInTitle"], "the Arabic sign-in form")
    browser.find("#email").send_keys(ADMIN["email"])
    browser.find("#password").send_keys(ADMIN["password"])
    browser.find("main form button[type=submit]").click()
    state = browser.wait(lambda s: s["url"].startswith("/agent") and s["h1"] == AR["inbox"], "the inbox after signing in")
    check(AR["admin"] in state["headerNav"], f"the header should link the admin pages: {state['headerNav']!r}")

    state = browser.open(server, "/admin", "/admin", lambda s: s["url"] == "/admin/users")
    check(state["lang"] == "ar" and state["dir"] == "rtl", f"/admin/users: lang={state['lang']} dir={state['dir']}")
    check(state["h1"] == AR["admin"], f"admin heading: {state['h1']!r}")
    check(state["views"] == AR["tabs"], f"the admin tabs should read {AR['tabs']}, read {state['views']}")
    check(state["current"] == AR["tabs"][0], f"the current tab should be the users': {state['current']!r}")

    # A group, its tier typed in Arabic-Indic digits.
    state = browser.open(server, "/admin/groups", "/admin/groups")
    check(state["current"] == AR["tabs"][1], f"the current tab on /admin/groups: {state['current']!r}")
    form = 'form[action="/admin/groups"]'
    browser.type_into(f"{form} input[name=name]", GROUP["name"])
    browser.type_into(f"{form} input[name=tier]", GROUP["tier"])
    tier = browser.driver.execute_script(
        "const t = document.querySelector(arguments[0]); return {type: t.type, value: t.value, valid: t.checkValidity()}",
        f"{form} input[name=tier]")
    check(tier["value"] and tier["valid"],
          f"the tier field does not take the Arabic-Indic digit typed into it: typed {GROUP['tier']!r}, the field "
          f"(<input type={tier['type']}>) holds {tier['value']!r}, valid={tier['valid']}; the form cannot be sent")
    browser.find(f"{form} button[type=submit]").click()
    state = browser.saved("groups")
    group = next((g for g in state["groups"] if g["name"] == GROUP["name"]), None)
    check(group is not None, f"the new group should be in the list: {state['groups']}")
    check(group["tier"] == "2", f"the group typed with tier {GROUP['tier']!r} is listed with tier {group['tier']!r}")
    group_id = int(group["action"].rsplit("/", 1)[1])
    stored = next(g for g in server.api("GET", "/api/v1/groups", token=admin)["data"] if g["id"] == group_id)
    check(stored["name"] == GROUP["name"] and stored["tier"] == 2, f"the API's group: {stored}")

    # An agent in that group.
    state = browser.open(server, "/admin/users", "/admin/users")
    form = 'form[action="/admin/users"]'
    browser.type_into("#new-name", NEW_AGENT["name"])
    browser.type_into("#new-email", NEW_AGENT["email"])
    browser.type_into("#new-password", NEW_AGENT["password"])
    check(Select(browser.find(f"{form} select[name=role]")).first_selected_option.get_attribute("value") == "agent",
          "the add-user form should offer the agent role first")
    browser.find(f'{form} input[name="group_{group_id}"]').click()
    browser.find(f"{form} button[type=submit]").click()
    state = browser.saved("users")
    user = next((u for u in state["users"] if u["email"] == NEW_AGENT["email"]), None)
    check(user is not None, f"the new agent should be in the list: {state['users']}")
    check(user["name"] == NEW_AGENT["name"] and user["role"] == "agent" and user["groups"] == [f"group_{group_id}"],
          f"the new agent's row: {user}")
    stored = next(u for u in server.api("GET", "/api/v1/users", token=admin)["data"] if u["email"] == NEW_AGENT["email"])
    check(stored["name"] == NEW_AGENT["name"] and stored["role"] == "agent" and stored["group_ids"] == [group_id],
          f"the API's user: {stored}")
    server.login(NEW_AGENT)   # the password typed in the form works
    browser.screenshot(os.path.join(out, "admin-ar-users.png"))

    # A macro.
    state = browser.open(server, "/admin/macros", "/admin/macros")
    check(state["current"] == AR["tabs"][5] and state["macros"] == [], f"/admin/macros before: {state['macros']}")
    form = 'form[action="/admin/macros"]'
    browser.type_into(f"{form} input[name=title]", MACRO["title"])
    browser.type_into(f"{form} textarea[name=body]", MACRO["body"])
    Select(browser.find(f"{form} select[name=set_status]")).select_by_value(MACRO["set_status"])
    browser.type_into(f"{form} input[name=add_tags]", MACRO["add_tags"])
    browser.find(f"{form} button[type=submit]").click()
    state = browser.saved("macros")
    check(len(state["macros"]) == 1, f"one macro should be listed: {state['macros']}")
    macro = state["macros"][0]
    check(macro["summary"] == MACRO["title"] and macro["title"] == MACRO["title"] and macro["body"] == MACRO["body"]
          and macro["status"] == MACRO["set_status"] and macro["tags"] == MACRO["add_tags"] and not macro["internal"],
          f"the saved macro's form: {macro}")
    stored = server.api("GET", "/api/v1/macros", token=admin)["data"]
    check(len(stored) == 1 and stored[0]["add_tags"] == MACRO["tags"] and stored[0]["set_status"] == "pending"
          and stored[0]["body"] == MACRO["body"], f"the API's macro: {stored}")
    found["macro_id"] = stored[0]["id"]
    browser.driver.execute_script("document.querySelector('main details.card').open = true")
    browser.screenshot(os.path.join(out, "admin-ar-macros.png"))
    browser.check_console()
    log(f"group #{group_id} (tier {GROUP['tier']!r} → 2), agent {NEW_AGENT['email']} in it, macro #{found['macro_id']}")


def branding(server, admin, browser, scratch, out):
    """Business names (one with <b>), the accent colour and a PNG logo; the header in both languages."""
    state = browser.open(server, "/admin/appearance", "/admin/appearance")
    check(state["current"] == AR["tabs"][7] and state["appearance"] is not None, f"/admin/appearance: {state}")
    check(state["logo"] is None, f"a logo shows before one was uploaded: {state['logo']}")
    browser.type_into("#name-ar", BRAND["ar"])
    browser.type_into("#name-en", BRAND["en"])
    browser.driver.execute_script(
        "const c = document.getElementById('accent'); c.value = arguments[0];"
        "c.dispatchEvent(new Event('input', {bubbles: true})); c.dispatchEvent(new Event('change', {bubbles: true}));",
        BRAND["accent"])
    browser.find("#logo").send_keys(tiny_png(os.path.join(scratch, BRAND["logo"])))
    browser.find('form[action="/admin/appearance"] button[type=submit]').click()
    state = browser.saved("appearance")
    check(state["appearance"]["nameAr"] == BRAND["ar"] and state["appearance"]["nameEn"] == BRAND["en"]
          and state["appearance"]["accent"] == BRAND["accent"], f"the saved branding's form: {state['appearance']}")

    # The header: the Arabic name as text, a loaded logo, links in the accent colour.
    check(state["brand"]["name"] == BRAND["ar"], f"the header's name should be {BRAND['ar']!r}: {state['brand']}")
    check(state["brand"]["elements"] == 0 and state["brand"]["bold"] == 0,
          f"the name's <b> became an element in the header: {state['brand']}")
    check(BRAND["ar"] in state["title"], f"the page title should carry the business name: {state['title']!r}")
    state = browser.wait(lambda s: s["logo"] and s["logo"]["complete"] and s["logo"]["width"] > 0,
                         "the header's logo to load")
    check(state["logo"]["width"] == 16 and state["preview"] == 16,
          f"the logo should be the 16-pixel PNG: header {state['logo']}, preview {state['preview']}")
    check(state["headerLinkColor"] == BRAND["accent_rgb"],
          f"a header link should be in the accent colour {BRAND['accent_rgb']}, is {state['headerLinkColor']}")
    stored = server.api("GET", "/api/v1/settings/branding", token=admin)
    check(stored["name_ar"] == BRAND["ar"] and stored["name_en"] == BRAND["en"] and stored["accent_color"] == BRAND["accent"]
          and stored["logo_url"] == "/branding/logo", f"the API's branding: {stored}")
    browser.screenshot(os.path.join(out, "admin-ar-appearance.png"))
    browser.check_console()

    # English: the header's button; the English name.
    check(state["languageButton"] == AR["switchLanguage"], f"the language button says {state['languageButton']!r}")
    browser.find('header form[action="/language"] button').click()
    state = browser.wait(lambda s: s["lang"] == "en" and s["h1"] == EN["admin"], "the admin page in English")
    check(state["dir"] == "ltr" and state["url"].startswith("/admin/appearance"),
          f"English appearance page: dir={state['dir']} url={state['url']}")
    check(state["brand"]["name"] == BRAND["en"], f"the header's English name: {state['brand']}")
    state = browser.wait(lambda s: s["logo"] and s["logo"]["width"] > 0, "the logo on the English page")
    check(state["headerLinkColor"] == BRAND["accent_rgb"], f"English header link colour: {state['headerLinkColor']}")
    browser.screenshot(os.path.join(out, "admin-en-appearance.png"))
    browser.check_console()
    log("branding: names, escaped <b>, accent and logo in the header, in Arabic and English")


def macro_on_ticket(server, admin, browser, out, found):
    """The macro applied on a ticket's page; a second ticket merged into it by an Arabic-Indic number."""
    # Earlier tickets first, so the number typed to merge has more than one digit.
    for n in range(9):
        server.api("POST", "/api/v1/tickets", dict(EARLIER_TICKET, subject=f"{EARLIER_TICKET['subject']} {n + 1}",
                                                   channel="web"), token=admin)
    first = server.api("POST", "/api/v1/tickets", dict(FIRST_TICKET, channel="web"), token=admin)["id"]
    check(first >= 10, f"the first ticket's number should have two digits: #{first}")
    href = f"/agent/tickets/{first}"
    state = browser.open(server, href, "the first ticket's page", lambda s: s["messages"])
    if state["lang"] != "ar":
        browser.find('header form[action="/language"] button').click()
        state = browser.wait(lambda s: s["lang"] == "ar" and s["messages"], "the ticket page back in Arabic")
    check(state["dir"] == "rtl" and state["brand"]["name"] == BRAND["ar"],
          f"the Arabic ticket page: dir={state['dir']}, brand {state['brand']}")
    check(state["macroChoices"] == [{"value": str(found["macro_id"]), "text": MACRO["title"]}],
          f"the macro menu: {state['macroChoices']}")

    Select(browser.find('form[action$="/macro"] select[name=macro_id]')).select_by_value(str(found["macro_id"]))
    browser.find('form[action$="/macro"] button[type=submit]').click()
    state = browser.wait(lambda s: s["url"] == f"{href}?done=macro", "the page after applying the macro")
    check(state["notice"] == AR["macroApplied"] and state["error"] is None,
          f"after applying: notice {state['notice']!r}, error {state['error']!r}")
    expected = MACRO["body"].replace("{{customer.name}}", FIRST_TICKET["customer"]["name"])
    bodies = [m["body"] for m in state["messages"]]
    check(bodies == [FIRST_TICKET["body"], expected], f"the conversation should end with {expected!r}: {bodies}")
    check("agent" in state["messages"][-1]["classes"].split(), f"the macro's message: {state['messages'][-1]}")
    check(state["status"] == "pending", f"select#status should say pending, says {state['status']!r}")
    check(state["tags"] is not None and [t.strip() for t in state["tags"].split("،")] == MACRO["tags"],
          f"the tags field should have {MACRO['tags']}: {state['tags']!r}")
    stored = server.api("GET", f"/api/v1/tickets/{first}", token=admin)
    check(stored["status"] == "pending" and stored["tags"] == MACRO["tags"], f"the API's ticket: {stored}")
    browser.screenshot(os.path.join(out, "admin-ar-macro-applied.png"))
    browser.check_console()

    # The second ticket merged into the first, its number typed "#" and Arabic-Indic digits.
    second = server.api("POST", "/api/v1/tickets", dict(SECOND_TICKET, channel="web"), token=admin)["id"]
    browser.open(server, f"/agent/tickets/{second}", "the second ticket's page", lambda s: s["messages"])
    typed = "#" + str(first).translate(ARABIC_DIGITS)
    browser.type_into('form[action$="/merge"] input[name=into]', typed)
    browser.find('form[action$="/merge"] button[type=submit]').click()
    state = browser.wait(lambda s: s["url"] == f"{href}?done=merged", f"the first ticket's page after merging ({typed})")
    check(state["notice"] == AR["merged"], f"after merging: notice {state['notice']!r}, error {state['error']!r}")
    check(SECOND_TICKET["body"] in [m["body"] for m in state["messages"]],
          f"the second ticket's message should be in the first's conversation: {state['messages']}")
    check(server.api("GET", f"/api/v1/tickets/{second}", token=admin)["status"] == "closed",
          "the API should say the merged ticket is closed")
    browser.screenshot(os.path.join(out, "admin-ar-merged.png"))
    browser.check_console()
    log(f"#{first}: macro applied (pending, tags); #{second} merged into it as {typed!r}")


def languages(server, browser, out):
    """English only, by default: the pages and the signed-out sign-in page, without a language switch."""
    state = browser.open(server, "/admin/appearance", "/admin/appearance")
    check(state["appearance"]["offered"] == ["offer_ar", "offer_en"] and state["appearance"]["default"] == "ar",
          f"languages before: {state['appearance']}")
    browser.find('form[action="/admin/languages"] input[name=offer_ar]').click()
    Select(browser.find('form[action="/admin/languages"] select[name=default]')).select_by_value("en")
    browser.find('form[action="/admin/languages"] button[type=submit]').click()
    state = browser.saved("appearance", EN)
    check(state["lang"] == "en" and state["dir"] == "ltr", f"the admin page after: lang={state['lang']} dir={state['dir']}")
    check(state["appearance"]["offered"] == ["offer_en"] and state["appearance"]["default"] == "en",
          f"languages after: {state['appearance']}")
    check(state["languageButton"] is None, f"the header still offers a language: {state['languageButton']!r}")
    check(state["brand"]["name"] == BRAND["en"], f"the header's name in English: {state['brand']}")

    browser.find('header form[action="/sign-out"] button').click()
    state = browser.wait(lambda s: s["url"] == "/sign-in" and s["h1"] is not None, "the sign-in page after signing out")
    check(state["lang"] == "en" and state["dir"] == "ltr", f"the sign-in page: lang={state['lang']} dir={state['dir']}")
    check(state["h1"] == EN["signInTitle"] and state["signInLabels"] == [EN["email"], EN["password"]]
          and state["signInButton"] == EN["signIn"],
          f"English sign-in form: h1 {state['h1']!r}, labels {state['signInLabels']}, button {state['signInButton']!r}")
    check(state["languageLink"] is None and not state["signOut"],
          f"the signed-out header should have no language link: {state['languageLink']!r}")
    check(state["brand"]["name"] == BRAND["en"], f"the sign-in page's business name: {state['brand']}")
    browser.screenshot(os.path.join(out, "admin-en-sign-in.png"))
    browser.check_console()
    log("languages: English only; the sign-in page is English with no language link")


def scenarios(server, scratch, out):
    admin = server.login(ADMIN)
    browser = Browser("admin-ar", scratch, languages="ar-SA,ar")
    found = {}
    return (("Arabic admin: tabs, a group, an agent, a macro",
             lambda: admin_forms(server, admin, browser, out, found)),
            ("branding: names, accent colour, logo, both languages",
             lambda: branding(server, admin, browser, scratch, out)),
            ("a macro applied and a ticket merged on the ticket pages",
             lambda: macro_on_ticket(server, admin, browser, out, found)),
            ("languages: English only", lambda: languages(server, browser, out)))


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios,
                 is_stale=lambda name: name.startswith(("admin-", "failure-admin-")) and name.endswith(".png")))
