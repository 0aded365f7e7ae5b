#pragma once
// Keys and keychain entries in one file, for tests whose desk is a child process killed and
// started again: the keys must outlive each process, as the keychain's do. Every write
// replaces the file atomically (QSaveFile), so a kill mid-write leaves the old or the new.
// Never for real use: the file is plaintext.
#include "core/store/KeyProvider.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSaveFile>

namespace cpis::testsupport {

class FileKeyProvider final : public KeyProvider
{
public:
    explicit FileKeyProvider(QString path) : m_path(std::move(path)) { load(); }

    StoreResult<StoreKeys> loadOrCreate(bool databaseExists) override
    {
        if (!m_entries.contains(kDb)) {
            if (databaseExists)
                return StoreError{StoreError::Code::KeyMissing,
                                  QStringLiteral("the test key file has no keys")};
            m_entries.insert(kDb, random());
            m_entries.insert(kMac, random());
            if (auto s = save(); !s)
                return s.error();
        }
        StoreKeys k;
        k.databaseKey = m_entries.value(kDb);
        k.auditMacKey = m_entries.value(kMac);
        return k;
    }
    StoreResult<std::optional<QByteArray>> read(const QString& name) override
    {
        load();
        if (!m_entries.contains(name))
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(m_entries.value(name));
    }
    StoreStatus write(const QString& name, const QByteArray& value) override
    {
        m_entries.insert(name, value);
        return save();
    }
    StoreStatus remove(const QString& name) override
    {
        m_entries.remove(name);
        return save();
    }

private:
    static QByteArray random()
    {
        QByteArray k(32, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(k.data()), 8);
        return k;
    }
    void load()
    {
        QFile f(m_path);
        if (!f.open(QIODevice::ReadOnly))
            return;
        QHash<QString, QByteArray> entries;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                entries.insert(QString::fromUtf8(line.left(eq)),
                               QByteArray::fromHex(line.mid(eq + 1)));
        }
        m_entries = entries;
    }
    StoreStatus save()
    {
        QSaveFile f(m_path);
        if (!f.open(QIODevice::WriteOnly))
            return StoreError{StoreError::Code::Io, f.errorString()};
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            f.write(it.key().toUtf8() + '=' + it.value().toHex() + '\n');
        if (!f.commit())
            return StoreError{StoreError::Code::Io, f.errorString()};
        return {};
    }

    static inline const QString kDb = QStringLiteral("test-database-key");
    static inline const QString kMac = QStringLiteral("test-audit-mac-key");
    QString m_path;
    QHash<QString, QByteArray> m_entries;
};

} // namespace cpis::testsupport
