// Proves the harness: QtKeychain reaches a real Secret Service in a private session.
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <qt6keychain/keychain.h>

class TestKeychainSmoke : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writeReadDelete();

private:
    static QKeychain::Error run(QKeychain::Job* job);
};

void TestKeychainSmoke::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Never touch the keyring of whoever runs the tests.
    QVERIFY2(qEnvironmentVariableIsSet("CPIS_TEST_PRIVATE_KEYRING"),
             "keychain tests must run through tests/support/with-private-keyring.sh");
}

QKeychain::Error TestKeychainSmoke::run(QKeychain::Job* job)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    QSignalSpy done(job, &QKeychain::Job::finished);
    job->start();
    if (!done.wait(10000))
        return QKeychain::OtherError;
    return job->error();
}

void TestKeychainSmoke::writeReadDelete()
{
    const QString service = QStringLiteral("cpis-desk-test");
    const QString key = QStringLiteral("smoke");
    const QByteArray secret = QByteArrayLiteral("\x01\x02secret\xff");

    QKeychain::WritePasswordJob write(service);
    write.setKey(key);
    write.setBinaryData(secret);
    QCOMPARE(run(&write), QKeychain::NoError);

    QKeychain::ReadPasswordJob read(service);
    read.setKey(key);
    QCOMPARE(run(&read), QKeychain::NoError);
    QCOMPARE(read.binaryData(), secret);

    QKeychain::DeletePasswordJob del(service);
    del.setKey(key);
    QCOMPARE(run(&del), QKeychain::NoError);

    QKeychain::ReadPasswordJob again(service);
    again.setKey(key);
    QCOMPARE(run(&again), QKeychain::EntryNotFound);
}

QTEST_GUILESS_MAIN(TestKeychainSmoke)
#include "tst_keychainsmoke.moc"
