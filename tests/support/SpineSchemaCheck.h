#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

struct _xmlSchema;

namespace cpis::testsupport {

// Validates one HL7 V3 message against the CP-IS schemas with libxml2 (the only validator
// that compiles them, once normalised: ../shared/testdata/README.md). Given the bytes of a
// SOAP envelope, it validates the HL7 interaction in the Body; otherwise the root element.
// The schema is <interaction>.xsd in `schemaFolder`.
class SpineSchemaCheck
{
public:
    struct Outcome
    {
        bool valid = false;
        QString interaction; // the local name validated, e.g. REPC_IN000007GB01
        QStringList errors;  // libxml2's messages, one per problem (empty when valid)
        QString text() const { return errors.join(u'\n'); }
    };

    explicit SpineSchemaCheck(QString schemaFolder);

    // `messageType` set (e.g. REPC_MT000004GB01): the root element is validated against that
    // message type's schema, for a message that travels without an interaction wrapper (the
    // access notification in a MESH message).
    Outcome check(const QByteArray& bytes, const QString& messageType = QString()) const;

    // The libxml2-normalised schema folder under ../shared.
    static QString defaultSchemaFolder();

private:
    _xmlSchema* schema(const QString& path, QStringList& errors) const;

    QString m_folder;
    // Compiled once per interaction: the CP-IS schemas take a while to compile.
    mutable std::map<QString, std::shared_ptr<_xmlSchema>> m_schemas;
};

} // namespace cpis::testsupport
