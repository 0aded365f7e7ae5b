#!/usr/bin/env python3
"""Writes the HL7 message inside a SOAP envelope's Body to a file of its own, so that it can be
validated against the CP-IS schemas:

    python3 extract_body.py request-person.xml /tmp/body.xml --strip-patch-d
    xmllint --noout --schema .../CPIS-libxml2/Schemas/QUPC_IN000006GB01.xsd /tmp/body.xml

--strip-patch-d removes the one element the 2022 schema copy does not know, the silent-read
flag accessEventType that DMS RC5 Patch D adds (see core/spine/SpineQueryWriter.h)."""
import sys
import xml.etree.ElementTree as ET

SOAP = "{http://schemas.xmlsoap.org/soap/envelope/}"
HL7 = "{urn:hl7-org:v3}"

envelope = ET.parse(sys.argv[1]).getroot()
body = envelope.find(SOAP + "Body")
message = list(body)[0]
if "--strip-patch-d" in sys.argv:
    for parent in message.iter():
        for child in list(parent):
            if child.tag == HL7 + "accessEventType":
                parent.remove(child)
ET.register_namespace("", "urn:hl7-org:v3")
ET.register_namespace("npfitlc", "NPFIT:HL7:Localisation")
ET.ElementTree(message).write(sys.argv[2], xml_declaration=True, encoding="utf-8")
