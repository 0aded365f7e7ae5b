#pragma once

#include <QList>
#include <QString>

namespace cpis::sandbox {

struct LocalAuthorityEntry
{
    QString odsCode;
    QString name;
    QString officeHoursPhone;   // telecom use=work
    QString emergencyDutyPhone; // telecom use=mobile (out of hours)
};

// The 152 English local authorities with children's services, with synthetic ODS-style
// codes and Ofcom drama-range phone numbers (never a real line).
class LocalAuthorityDirectory
{
public:
    LocalAuthorityDirectory();

    int size() const { return int(m_entries.size()); }
    const LocalAuthorityEntry& at(int i) const { return m_entries.at(i); }
    int indexOf(const QString& odsCode) const;

private:
    QList<LocalAuthorityEntry> m_entries;
};

} // namespace cpis::sandbox
