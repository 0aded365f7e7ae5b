#include "core/directory/LocalDirectory.h"

#include "core/directory/DirectoryLogging.h"
#include "core/store/SecureDb.h"

namespace cpis {

namespace {

// This file's own user_version steps: the directory never shares a database with the
// cache, so the two migration lists cannot collide.
const QStringList kMigrations = {
    QStringLiteral(R"(
CREATE TABLE local_authority (
    ods_code TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    notes TEXT NOT NULL) WITHOUT ROWID;
)"),
};

} // namespace

LocalDirectory::LocalDirectory(SecureDb& db) : m_db(db) {}

LocalDirectory::~LocalDirectory() = default;

StoreResult<std::unique_ptr<LocalDirectory>> LocalDirectory::open(SecureDb& db)
{
    if (auto s = db.migrate(kMigrations); !s)
        return s.error();
    std::unique_ptr<LocalDirectory> d(new LocalDirectory(db));
    if (auto s = d->prepareStatements(); !s)
        return s.error();
    return d;
}

QString LocalDirectory::normalisedOds(const QString& odsCode)
{
    // The national record and people typing may differ in case and stray spaces.
    return odsCode.trimmed().toUpper();
}

StoreStatus LocalDirectory::prepareStatements()
{
    auto find = m_db.prepare("SELECT email, notes FROM local_authority WHERE ods_code = ?");
    if (!find)
        return find.error();
    auto put =
        m_db.prepare("INSERT OR REPLACE INTO local_authority (ods_code, email, notes) VALUES "
                     "(?, ?, ?)");
    if (!put)
        return put.error();
    auto remove = m_db.prepare("DELETE FROM local_authority WHERE ods_code = ?");
    if (!remove)
        return remove.error();
    m_find = std::make_unique<SqlStatement>(std::move(find).value());
    m_put = std::make_unique<SqlStatement>(std::move(put).value());
    m_remove = std::make_unique<SqlStatement>(std::move(remove).value());
    return {};
}

StoreResult<std::optional<DirectoryEntry>> LocalDirectory::find(const QString& odsCode)
{
    const QString ods = normalisedOds(odsCode);
    std::optional<DirectoryEntry> out;
    if (ods.isEmpty())
        return out;
    SqlStatement& st = *m_find;
    st.bind(1, ods);
    auto row = st.step();
    if (!row) {
        st.reset();
        return row.error();
    }
    if (row.value())
        out = DirectoryEntry{ods, st.text(0), st.text(1)};
    st.reset();
    return out;
}

StoreStatus LocalDirectory::put(const DirectoryEntry& entry)
{
    const QString ods = normalisedOds(entry.odsCode);
    if (ods.isEmpty())
        return StoreError{StoreError::Code::Sql,
                          QStringLiteral("a local directory entry needs an ODS code")};
    m_put->bind(1, ods).bind(2, entry.email.trimmed()).bind(3, entry.notes.trimmed());
    qCInfo(lcDirectory, "saving the entry for %s", qUtf8Printable(ods));
    return m_put->run();
}

StoreStatus LocalDirectory::remove(const QString& odsCode)
{
    m_remove->bind(1, normalisedOds(odsCode));
    return m_remove->run();
}

StoreResult<QList<DirectoryEntry>> LocalDirectory::all()
{
    auto st = m_db.prepare("SELECT ods_code, email, notes FROM local_authority ORDER BY ods_code");
    if (!st)
        return st.error();
    QList<DirectoryEntry> out;
    for (;;) {
        auto row = st.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out.append({st.value().text(0), st.value().text(1), st.value().text(2)});
    }
    qCDebug(lcDirectory, "%lld entries read", qint64(out.size()));
    return out;
}

} // namespace cpis
