#pragma once

// Shared by the secure-store tests.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace storetest {

inline QByteArray key(char fill)
{
    QByteArray k(32, fill);
    k[0] = 0x5a; // not a run of one byte, so a key cannot match by accident
    return k;
}

// The main file plus any -wal and -shm beside it, as raw bytes.
inline QByteArray allFileBytes(const QString& dbPath)
{
    QByteArray all;
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(dbPath + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace storetest
