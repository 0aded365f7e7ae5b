#pragma once
// The CP-IS schema copy with the one element the desk and the sandbox assume beyond it, made at
// test time from the shared (read-only) copy, so that the assumption is written down once,
// here and in docs/api.md §13, and can be taken out the day NHS England publishes Patch D.
//
// ASSUMPTION (DMS RC5 Patch D): the silent-read flag is a query parameter of queryByParameter,
// after person.NHSnumber and shaped like it: an optional `accessEventType` whose one `value`
// child carries a boolean `value` attribute (HL7 `bl`: "true" or "false"). The 2022 schema has
// no such element, so a query carrying it is also checked, without it, against the untouched
// copy (withoutPatchD).
#include "tests/support/SpineSchemaCheck.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>

namespace cpis::testsupport {

class SpineSchemaOverlay
{
public:
    // nullptr (and *error says why) when the shared copy cannot be copied or no longer has the
    // place the element goes.
    static std::unique_ptr<SpineSchemaOverlay> make(QString* error)
    {
        std::unique_ptr<SpineSchemaOverlay> o(new SpineSchemaOverlay);
        const QDir from(SpineSchemaCheck::defaultSchemaFolder() + QStringLiteral("/.."));
        if (!o->m_dir.isValid())
            return fail(error, QStringLiteral("no temporary folder"));
        QDirIterator it(from.absolutePath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString to = o->m_dir.filePath(from.relativeFilePath(file));
            if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(file, to))
                return fail(error, QStringLiteral("could not copy ") + file);
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        }
        QFile xsd(o->m_dir.filePath(QStringLiteral("Schemas/QUPC_MT000006GB01.xsd")));
        if (!xsd.open(QIODevice::ReadOnly))
            return fail(error, QStringLiteral("no QUPC_MT000006GB01.xsd in the copy"));
        QString text = QString::fromUtf8(xsd.readAll());
        xsd.close();
        const QString anchor = QStringLiteral(
            "<xs:element name=\"person.NHSnumber\" type=\"QUPC_MT000006GB01.Person.NHSnumber\" "
            "minOccurs=\"1\" maxOccurs=\"1\"/>");
        if (text.count(anchor) != 1 || !text.contains(QStringLiteral("</xs:schema>")))
            return fail(error, QStringLiteral("QUPC_MT000006GB01.xsd has changed shape"));
        text.replace(anchor, anchor + QStringLiteral("\n\t\t\t<xs:element name=\"accessEventType\" "
                                                     "type=\"QUPC_MT000006GB01.AccessEventType\" "
                                                     "minOccurs=\"0\" maxOccurs=\"1\"/>"));
        text.replace(
            QStringLiteral("</xs:schema>"),
            QStringLiteral("\t<xs:complexType name=\"QUPC_MT000006GB01.AccessEventType\">\n"
                           "\t\t<xs:sequence>\n"
                           "\t\t\t<xs:element name=\"value\" minOccurs=\"1\" "
                           "maxOccurs=\"1\">\n"
                           "\t\t\t\t<xs:complexType>\n"
                           "\t\t\t\t\t<xs:attribute name=\"value\" type=\"bl\" "
                           "use=\"required\"/>\n"
                           "\t\t\t\t</xs:complexType>\n"
                           "\t\t\t</xs:element>\n"
                           "\t\t</xs:sequence>\n"
                           "\t</xs:complexType>\n"
                           "</xs:schema>"));
        if (!xsd.open(QIODevice::WriteOnly | QIODevice::Truncate) || xsd.write(text.toUtf8()) < 0)
            return fail(error, QStringLiteral("could not write the overlay"));
        return o;
    }

    QString schemaFolder() const { return m_dir.filePath(QStringLiteral("Schemas")); }

    // The query as the 2022 schema knows it: the accessEventType element taken out.
    static QByteArray withoutPatchD(const QByteArray& message)
    {
        static const QRegularExpression element(
            QStringLiteral("\\s*<accessEventType>\\s*<value value=\"[^\"]*\"\\s*/>\\s*"
                           "</accessEventType>"));
        return QString::fromUtf8(message).remove(element).toUtf8();
    }

private:
    SpineSchemaOverlay() = default;
    static std::unique_ptr<SpineSchemaOverlay> fail(QString* error, const QString& why)
    {
        if (error)
            *error = why;
        return nullptr;
    }

    QTemporaryDir m_dir;
};

} // namespace cpis::testsupport
