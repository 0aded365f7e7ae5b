#include "core/store/KeyStore.h"

#include "core/store/SecureDb.h"

#include <QEventLoop>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace cpis {

const QString KeyStore::kDatabaseKey = QStringLiteral("database-key");
const QString KeyStore::kAuditMacKey = QStringLiteral("audit-hmac-key");
const QString KeyStore::kPendingDatabaseKey = QStringLiteral("database-key-pending");

namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// Runs a job to completion or timeout. On timeout the job is left to delete itself
// whenever it does finish; nothing here touches it again.
JobOutcome runJob(QKeychain::Job* job, int timeoutMs)
{
    auto outcome = std::make_shared<JobOutcome>();
    QEventLoop loop;
    QPointer<QEventLoop> loopGuard(&loop);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // stated, not assumed: never plain text on disk
    QObject::connect(job, &QKeychain::Job::finished, job, [outcome, loopGuard](QKeychain::Job* j) {
        outcome->finished = true;
        outcome->error = j->error();
        outcome->errorString = j->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(j))
            outcome->data = read->binaryData();
        if (loopGuard)
            loopGuard->quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome->finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return *outcome;
}

StoreError keychainError(const JobOutcome& o, const QString& what)
{
    if (!o.finished)
        return StoreError{StoreError::Code::KeychainTimeout,
                          QStringLiteral("the keychain did not answer while %1 (locked, or "
                                         "waiting for an unlock prompt?)")
                              .arg(what)};
    return StoreError{StoreError::Code::KeychainUnavailable,
                      QStringLiteral("the keychain refused while %1: %2 (error %3)")
                          .arg(what, o.errorString)
                          .arg(int(o.error))};
}

} // namespace

KeyStore::KeyStore(QString service, int timeoutMs)
    : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{}

QByteArray KeyStore::randomKey()
{
    QByteArray key(SecureDb::kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(key.data()),
                                         reinterpret_cast<quint32*>(key.data() + key.size()));
    return key;
}

StoreResult<std::optional<QByteArray>> KeyStore::read(const QString& name)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (o.finished && o.error == QKeychain::NoError)
        return std::optional<QByteArray>(o.data);
    if (o.finished && o.error == QKeychain::EntryNotFound)
        return std::optional<QByteArray>();
    return keychainError(o, QStringLiteral("reading '%1'").arg(name));
}

StoreStatus KeyStore::write(const QString& name, const QByteArray& value)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setBinaryData(value);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (o.finished && o.error == QKeychain::NoError)
        return {};
    return keychainError(o, QStringLiteral("writing '%1'").arg(name));
}

StoreStatus KeyStore::remove(const QString& name)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (o.finished && (o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound))
        return {};
    return keychainError(o, QStringLiteral("deleting '%1'").arg(name));
}

StoreStatus KeyStore::writeVerified(const QString& name, const QByteArray& value)
{
    if (auto s = write(name, value); !s) {
        StoreError e = s.error();
        // Reads said "not found" yet the write fails: that is a locked keyring, not a
        // first run.
        if (e.code == StoreError::Code::KeychainUnavailable)
            e.code = StoreError::Code::KeychainLocked;
        e.message = QStringLiteral("cannot store a new key in the keychain (locked or "
                                   "unavailable?): ") +
                    e.message;
        return e;
    }
    auto back = read(name);
    if (!back)
        return back.error();
    if (!back.value() || *back.value() != value)
        return StoreError{StoreError::Code::KeychainLocked,
                          QStringLiteral("the keychain accepted key '%1' but does not give it "
                                         "back; refusing to use it")
                              .arg(name)};
    return {};
}

StoreResult<StoreKeys> KeyStore::loadOrCreate(bool databaseExists)
{
    auto dbKey = read(kDatabaseKey);
    if (!dbKey)
        return dbKey.error();
    auto macKey = read(kAuditMacKey);
    if (!macKey)
        return macKey.error();
    auto pending = read(kPendingDatabaseKey);
    if (!pending)
        return pending.error();

    if (databaseExists && (!dbKey.value() || !macKey.value()))
        return StoreError{
            StoreError::Code::KeyMissing,
            QStringLiteral("the encrypted store exists but its %1 is not in the "
                           "keychain (service '%2'). The keychain may be locked or "
                           "a different one; the store was not touched and no new "
                           "key was made.")
                .arg(!dbKey.value() ? QStringLiteral("database key") : QStringLiteral("audit key"),
                     m_service)};

    StoreKeys keys;
    if (!dbKey.value()) {
        keys.databaseKey = randomKey();
        if (auto s = writeVerified(kDatabaseKey, keys.databaseKey); !s)
            return s.error();
    } else {
        keys.databaseKey = *dbKey.value();
    }
    if (!macKey.value()) {
        keys.auditMacKey = randomKey();
        if (auto s = writeVerified(kAuditMacKey, keys.auditMacKey); !s)
            return s.error();
    } else {
        keys.auditMacKey = *macKey.value();
    }
    keys.pendingDatabaseKey = pending.value();

    if (keys.databaseKey.size() != SecureDb::kKeyBytes ||
        keys.auditMacKey.size() != SecureDb::kKeyBytes ||
        (keys.pendingDatabaseKey && keys.pendingDatabaseKey->size() != SecureDb::kKeyBytes))
        return StoreError{StoreError::Code::KeyInvalid,
                          QStringLiteral("the keychain holds a store key that is not 256 bits "
                                         "(service '%1')")
                              .arg(m_service)};
    return keys;
}

StoreStatus
KeyStore::rotateDatabaseKey(const std::function<StoreStatus(const QByteArray&)>& rekeyAll)
{
    const QByteArray newKey = randomKey();
    // The new key is safely in the keychain before any file is encrypted under it.
    if (auto s = writeVerified(kPendingDatabaseKey, newKey); !s)
        return s;
    if (auto s = rekeyAll(newKey); !s)
        return s;
    return promotePendingKey(newKey);
}

StoreStatus KeyStore::promotePendingKey(const QByteArray& pendingKey)
{
    if (auto s = writeVerified(kDatabaseKey, pendingKey); !s)
        return s;
    return remove(kPendingDatabaseKey);
}

} // namespace cpis
