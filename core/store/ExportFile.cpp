#include "core/store/ExportFile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cpis {

namespace {

QString systemMessage(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

// RENAME_NOREPLACE puts the file in place only if nothing (not even a dangling symbolic link)
// has the name; where a file system lacks it, link(2) gives the same guarantee.
int renameNoReplace(const char* from, const char* to)
{
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return -1;
    if (::link(from, to) != 0)
        return -1;
    ::unlink(from);
    return 0;
}

} // namespace

ExportFile::ExportFile(QString path, Existing existing)
    : m_path(std::move(path)), m_existing(existing)
{}

ExportFile::~ExportFile()
{
    discard();
}

ExportFile::Error ExportFile::ioError(const QString& what) const
{
    return Error{Error::Code::Io,
                 QStringLiteral("%1 %2: %3").arg(what, m_path, systemMessage(errno))};
}

ExportFile::Status ExportFile::checkTarget() const
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(m_path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return ioError(QStringLiteral("cannot check"));
    }
    if (m_existing == Existing::Refuse)
        return Error{Error::Code::Exists, QStringLiteral("%1 already exists").arg(m_path)};
    if (!S_ISREG(st.st_mode))
        return Error{Error::Code::NotRegular,
                     QStringLiteral("%1 is a symbolic link or not a regular file").arg(m_path)};
    return {};
}

ExportFile::Status ExportFile::open()
{
    if (m_file.isOpen() || !m_tempPath.isEmpty())
        return Error{Error::Code::Io, QStringLiteral("%1 is already open").arg(m_path)};
    if (auto s = checkTarget(); !s)
        return s;
    const QFileInfo target(m_path);
    // A hidden name in the same folder, so that the final rename stays on one file system.
    QByteArray tmpl = QFile::encodeName(
        QDir(target.absolutePath()).filePath(u'.' + target.fileName() + QStringLiteral(".XXXXXX")));
    const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC); // O_EXCL, mode 0600
    if (fd < 0)
        return ioError(QStringLiteral("cannot create a file beside"));
    m_tempPath = tmpl;
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0 ||
        !m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        const Error e = ioError(QStringLiteral("cannot write"));
        if (!m_file.isOpen())
            ::close(fd);
        discard();
        return e;
    }
    return {};
}

ExportFile::Status ExportFile::commit()
{
    if (!m_file.isOpen())
        return Error{Error::Code::Io, QStringLiteral("%1 was not opened").arg(m_path)};
    if (!m_file.flush() || ::fsync(m_file.handle()) != 0) {
        const Error e = ioError(QStringLiteral("cannot write"));
        discard();
        return e;
    }
    m_file.close();
    // Checked again: the target may have appeared (or become a link) while the export ran.
    if (auto s = checkTarget(); !s) {
        discard();
        return s;
    }
    const QByteArray to = QFile::encodeName(m_path);
    // rename(2) replaces the directory entry itself: a link put there since the check is
    // replaced, never written through.
    const int moved = m_existing == Existing::Replace
                          ? std::rename(m_tempPath.constData(), to.constData())
                          : renameNoReplace(m_tempPath.constData(), to.constData());
    if (moved != 0) {
        const Error e = errno == EEXIST ? Error{Error::Code::Exists,
                                                QStringLiteral("%1 already exists").arg(m_path)}
                                        : ioError(QStringLiteral("cannot put in place"));
        discard();
        return e;
    }
    m_tempPath.clear();
    // The folder's entry reaches the disk too, so a crash does not lose a reported export.
    const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    if (const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

void ExportFile::discard()
{
    if (m_file.isOpen())
        m_file.close();
    if (!m_tempPath.isEmpty()) {
        ::unlink(m_tempPath.constData());
        m_tempPath.clear();
    }
}

} // namespace cpis
