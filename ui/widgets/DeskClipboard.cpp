#include "ui/widgets/DeskClipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

namespace cpis::ui {

namespace {
// A format of our own beside the text: the clipboard keeps it only while our copy is there.
const QString kDeskMark = QStringLiteral("application/x-cpis-desk-copy");
} // namespace

void DeskClipboard::copy(const QString& text)
{
    auto* data = new QMimeData;
    data->setText(text);
    data->setData(kDeskMark, QByteArrayLiteral("1"));
    QApplication::clipboard()->setMimeData(data); // the clipboard owns it
}

bool DeskClipboard::holdsDeskCopy()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    return data && data->hasFormat(kDeskMark);
}

bool DeskClipboard::clearDeskCopy()
{
    if (!holdsDeskCopy())
        return false;
    QApplication::clipboard()->clear();
    return true;
}

} // namespace cpis::ui
