#pragma once

#include "core/store/StoreError.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace cpis {

class SecureDb;
class SqlStatement;

// What this site knows about a local authority that the national record does not carry:
// a safeguarding email address and free-text notes, keyed by the LA's ODS code.
struct DirectoryEntry
{
    QString odsCode; // e.g. "SHE1"; stored trimmed and upper-case
    QString email;
    QString notes;

    friend bool operator==(const DirectoryEntry& a, const DirectoryEntry& b)
    {
        return a.odsCode == b.odsCode && a.email == b.email && a.notes == b.notes;
    }
};

// The site's local directory of local authorities, in its own SQLCipher file. It is kept
// apart from the answer cache so that neither retention purges nor the cache's schema
// versions can ever reach it: the entries are typed in by hand and have no other copy.
class LocalDirectory
{
public:
    static StoreResult<std::unique_ptr<LocalDirectory>> open(SecureDb& db);
    ~LocalDirectory();
    LocalDirectory(const LocalDirectory&) = delete;
    LocalDirectory& operator=(const LocalDirectory&) = delete;

    static QString normalisedOds(const QString& odsCode);

    StoreResult<std::optional<DirectoryEntry>> find(const QString& odsCode);
    StoreStatus put(const DirectoryEntry& entry); // adds, or replaces the entry for its code
    StoreStatus remove(const QString& odsCode);   // absent codes are not an error
    StoreResult<QList<DirectoryEntry>> all();     // ordered by ODS code

private:
    explicit LocalDirectory(SecureDb& db);
    StoreStatus prepareStatements();

    SecureDb& m_db;
    std::unique_ptr<SqlStatement> m_find;
    std::unique_ptr<SqlStatement> m_put;
    std::unique_ptr<SqlStatement> m_remove;
};

} // namespace cpis
