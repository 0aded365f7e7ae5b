// The widgets that keep a CP-IS answer's repaint small: LayoutBoundary (a change inside a
// screen is not passed up to the tab widget, which would repaint the whole screen), WrapLabel
// (size hints without laying the text out, the height as QLabel measures it), the flat scroll
// bar and the one-line cell delegate (drawn as they say).
#include "ui/widgets/FlatScrollBarStyle.h"
#include "ui/widgets/LayoutBoundary.h"
#include "ui/widgets/LineTextDelegate.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/WrapLabel.h"

#include <QHBoxLayout>
#include <QImage>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace cpis::ui;

namespace {

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestLeanWidgets : public QObject
{
    Q_OBJECT
private slots:
    void aChangeInsideTheBoundaryRepaintsOnlyWhatChanged();
    void aBoundaryPassesOnANeedForMoreRoom();
    void wrapLabelMeasuresAsQLabelDoes();
    void flatScrollBarShowsItsHandle();
    void lineTextDelegateElidesOnOneLine();
};

namespace {

// How often a side panel is repainted when the text beside it grows, on a screen in a tab as
// the main window holds them; the page is a LayoutBoundary or, to show what it prevents, a
// plain widget.
int sidePanelRepaints(bool boundary)
{
    QTabWidget tabs;
    QWidget* page = boundary ? new LayoutBoundary : new QWidget;
    QWidget* content = boundary ? static_cast<LayoutBoundary*>(page)->content() : page;
    auto* columns = new QHBoxLayout(content);
    auto* text = new WrapLabel(QStringLiteral("first"));
    auto* side = new PlainLabel(QStringLiteral("side panel"));
    columns->addWidget(text, 1);
    columns->addWidget(side);
    tabs.addTab(page, QStringLiteral("Look-up"));
    tabs.resize(600, 300);
    tabs.show();
    if (!QTest::qWaitForWindowExposed(&tabs))
        return -1;
    PaintCounter sidePaints, textPaints;
    side->installEventFilter(&sidePaints);
    text->installEventFilter(&textPaints);
    text->setText(QStringLiteral("a longer text that lays the column out again, over two lines "
                                 "or more at this width, and asks the layout for more height"));
    if (!QTest::qWaitFor([&] { return textPaints.paints > 0; }))
        return -1;
    // Layout requests travel up as posted events, and a repaint is one too: once none is
    // left, any repaint of the side panel has happened.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::sendPostedEvents();
    return sidePaints.paints;
}

} // namespace

void TestLeanWidgets::aChangeInsideTheBoundaryRepaintsOnlyWhatChanged()
{
    // Without the boundary, Qt passes the change up to the tab widget, which repaints the whole
    // screen; with it, the side panel is left alone.
    QVERIFY(sidePanelRepaints(false) > 0);
    QCOMPARE(sidePanelRepaints(true), 0);
}

void TestLeanWidgets::aBoundaryPassesOnANeedForMoreRoom()
{
    QWidget window;
    auto* outer = new QVBoxLayout(&window);
    auto* page = new LayoutBoundary;
    auto* inner = new QVBoxLayout(page->content());
    auto* box = new QWidget;
    box->setMinimumSize(100, 100);
    inner->addWidget(box);
    outer->addWidget(page);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.minimumSizeHint().height() >= 100);

    // The content needs more room than before: the window hears of it and grows.
    box->setMinimumSize(100, 400);
    QTRY_VERIFY(window.minimumSizeHint().height() >= 400);
    QTRY_VERIFY(window.height() >= 400);
    QTRY_VERIFY(page->content()->height() >= 400);
}

void TestLeanWidgets::wrapLabelMeasuresAsQLabelDoes()
{
    const QString words = QStringLiteral(
        "CP-IS was checked for NHS No. 999 000 0069 at 07-Dec-2026 09:05 and holds no Child "
        "Protection Plan, Looked After Child or Unborn Child Protection Plan record.");
    WrapLabel wrap(words);
    PlainLabel plain(words);
    plain.setWordWrap(true);
    for (const int width : {120, 300, 800}) {
        QCOMPARE(wrap.heightForWidth(width), plain.heightForWidth(width));
        QVERIFY(wrap.heightForWidth(width) > 0);
    }
    // Narrower means more lines; a new text is measured again.
    QVERIFY(wrap.heightForWidth(120) > wrap.heightForWidth(800));
    const int before = wrap.heightForWidth(300);
    wrap.setText(words + QLatin1Char(' ') + words);
    QVERIFY(wrap.heightForWidth(300) > before);
    // The hints: one line at the least, never empty for a text, nothing for none.
    QVERIFY(wrap.minimumSizeHint().height() >= QFontMetrics(wrap.font()).lineSpacing());
    QVERIFY(wrap.sizeHint().width() > wrap.minimumSizeHint().width());
    wrap.setText(QString());
    QCOMPARE(wrap.minimumSizeHint(), QSize(0, 0));
}

void TestLeanWidgets::flatScrollBarShowsItsHandle()
{
    QTableView view;
    QStandardItemModel model(200, 1);
    view.setModel(&model);
    FlatScrollBarStyle::apply(&view);
    view.resize(200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar* bar = view.verticalScrollBar();
    QTRY_VERIFY(bar->isVisible() && bar->maximum() > 0);
    QVERIFY(dynamic_cast<FlatScrollBarStyle*>(bar->style()));
    // The handle (scrolled to the start: at the top) in NHS grey on the pale groove below it.
    const QImage image = bar->grab().toImage();
    bool sawHandle = false, sawGroove = false;
    for (int y = 0; y < image.height(); ++y) {
        const QColor c = image.pixelColor(image.width() / 2, y);
        sawHandle = sawHandle || c == QColor(0x76, 0x86, 0x92);
        sawGroove = sawGroove || c == QColor(0xe8, 0xed, 0xee);
    }
    QVERIFY(sawHandle);
    QVERIFY(sawGroove);
}

void TestLeanWidgets::lineTextDelegateElidesOnOneLine()
{
    QTableView view;
    QStandardItemModel model(1, 1);
    const QString longName =
        QStringLiteral("Emergency Department registration clerk at a hospital far away");
    model.setItem(0, 0, new QStandardItem(longName));
    view.setModel(&model);
    view.setItemDelegate(new LineTextDelegate(&view));
    view.setColumnWidth(0, 120);
    view.resize(200, 100);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect cell = view.visualRect(model.index(0, 0));
    QVERIFY(cell.isValid());
    const QImage image = view.viewport()->grab(cell).toImage();
    // Text is drawn in the cell (dark pixels), and within it: the right edge stays clear.
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += image.pixelColor(x, y).lightness() < 128 ? 1 : 0;
    QVERIFY(dark > 0);
    for (int y = 0; y < image.height(); ++y)
        QVERIFY(image.pixelColor(image.width() - 2, y).lightness() >= 128);
}

QTEST_MAIN(TestLeanWidgets)
#include "tst_leanwidgets.moc"
