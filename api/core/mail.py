"""Outgoing e-mail over SMTP (stdlib ``smtplib`` in a worker thread).

Sending never raises: a failure is logged without the recipient's address and reported as ``False``,
so the caller's data (already committed) is never lost because the mail server is down.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from api.core.config import Settings

logger = logging.getLogger("api.mail")


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content: bytes
    content_type: str  # e.g. "text/calendar; method=REQUEST"


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    purpose: str  # a short label for the log, e.g. "join_request.receipt"; never personal data
    attachments: tuple[MailAttachment, ...] = ()


def build_message(settings: Settings, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"{settings.site_name} <{settings.smtp_from}>"
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body, charset="utf-8")
    for attachment in mail.attachments:
        media_type, _, parameters = attachment.content_type.partition(";")
        maintype, _, subtype = media_type.strip().partition("/")
        params = {
            key.strip(): value.strip()
            for key, _, value in (part.partition("=") for part in parameters.split(";") if part)
        }
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype,
            filename=attachment.filename,
            params=params,
        )
    return message


def _deliver(settings: Settings, message: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username and settings.smtp_password is not None:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


async def send_mail(settings: Settings, mail: Mail) -> bool:
    """Send one message; ``False`` (and a log line) when the mail server refused or was unreachable."""
    message = build_message(settings, mail)
    try:
        await asyncio.to_thread(_deliver, settings, message)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("mail not sent", extra={"purpose": mail.purpose, "error": type(error).__name__})
        return False
    logger.info("mail sent", extra={"purpose": mail.purpose})
    return True
