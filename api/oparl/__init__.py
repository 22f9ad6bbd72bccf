"""The read-only OParl 1.1 endpoint under ``/oparl/1.1/``: the network's public data for council
information portals and open-data harvesters (https://oparl.org, schemas in ``tests/oparl/schema``).

Anonymous, GET only, ``Access-Control-Allow-Origin: *`` (on ``/oparl/`` alone), every ``id`` and
reference an absolute URL under ``NETZWERK_OPARL_BASE_URL`` (default: ``NETZWERK_BASE_URL``).
The routes are not part of ``openapi.yaml``: OParl clients work from the OParl schemas, which
the tests validate every response against; errors are still problem+json.

What is public (and everything else is not):

- **System and Body**: one OParl body, the network ("Netzwerk Integration Landkreis Gifhorn", from
  ``NETZWERK_SITE_NAME`` and ``NETZWERK_COUNTY_NAME``), contact of the coordination office.
- **Organization**: every body of the network (working groups, steering group, network meeting;
  ``organizationType`` "Gremium") and every partner organisation ("Netzwerkpartner", with its
  address as a Location). Institutions, no people.
- **Person**: only members who currently consent to ``directory_listing`` (the consent that names
  them in the network directory; ``PUBLIC_PURPOSE`` in ``index.py``) and are not deleted or
  erased. Name and title only: never e-mail, phone, function, languages or notes, whatever else
  they consented to.
  A member without that consent appears nowhere: no Person, no Membership, no participant, and
  their full name (or "Frau/Herr <family name>") is replaced by "[Name entfernt]" in every text
  published here (titles, results, minutes, papers, file names) as a safety net for free text.
- **Membership**: the memberships of those persons in the bodies (role, voting right, dates,
  on behalf of which organisation).
- **Meeting** with embedded **AgendaItem**s and **Location**: the meetings of the network meeting
  (public already: network calendar, registration) and of the steering group, whose decisions on
  the papers are the point of an OParl endpoint. Working-group meetings stay internal (members
  and partner systems only). Never the online link, who attended (the minutes give only the
  counts), guests or the agenda items' internal notes. An item's free-text result only once the
  minutes are approved; a paper's decision (``result``, ``resolutionText``) as soon as it is
  recorded.
- **Paper** (paperType "Vorlage"): every submission that has been submitted (status submitted,
  scheduled, decided or withdrawn; never drafts), with the submitting body as
  ``originatorOrganization`` and one **Consultation** per agenda item that treats it.
- **File**: the approved minutes of a public meeting and the text of each public paper (HTML,
  rendered from the same templates as the PDFs), and the attachments of public meetings, their
  agenda items and public papers. Their ``accessUrl`` and ``downloadUrl`` are served here without
  login (``/oparl/1.1/file/{id}/access`` inline, ``.../download`` as attachment); the files of
  anything not public are neither listed nor served.

Object ids reuse the UUID of the row an object comes from; objects made from a row of another
kind borrow its UUID (the Location of a meeting, the minutes File of a meeting, the text File of
a paper, the Consultation of an agenda item), so an id is unique within its type.

Lists: the Body's external lists and ``/organization/{id}/meeting``, sorted by ``created`` then id
(new objects come last, so paging through a list does not skip), ``limit`` (default 50, at most
100), ``page``, the filters ``created_since``, ``created_until``, ``modified_since`` and
``modified_until`` (ISO 8601; without an offset Europe/Berlin is assumed) and ``omit_internal``
(leaves out embedded objects, which have lists of their own). ``modified`` of an object includes
the changes of what it embeds or lists (agenda, files, consultations, memberships, consent), so
``modified_since`` finds it. Objects that were public and no longer are (deleted, consent
withdrawn, a member erased) appear with ``deleted: true`` and only ``id``, ``type``, ``created``
and ``modified``, so that harvesters delete their copies: in lists only with ``modified_since``,
at their URL always. Objects that were never public answer 404.
"""
