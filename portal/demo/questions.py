"""The demo's Hỏi đáp: four topics and a few questions of our own writing, answered by the
demo's units (asked in 2020, their askers' details already cleared), and one still waiting;
and one contact message, sent the day before the demo is loaded."""

from datetime import datetime, timedelta

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import ContactMessage, Question, QuestionStatus, QuestionTopic, Unit
from portal.services.contact import FORGOTTEN, new_reference
from portal.text import fold, slugify

DEMO_SENDER = "nguoigui@nha.example"
TOPICS = ("Thủ tục hành chính", "Đất đai, xây dựng", "Giáo dục, y tế", "Công tác Đảng, đoàn thể")
# (topic, unit slug, title, question, answer, asked on; None: still waiting)
QUESTIONS = (
    (3, "ban-to-chuc-thi-uy", "Chuyển sinh hoạt đảng khi đi làm ở tỉnh khác",
     "Tôi là đảng viên, sắp chuyển vào làm việc tại Bình Dương. Xin hỏi thủ tục chuyển sinh hoạt đảng chính thức cần những giấy tờ gì?",
     "Đảng viên chuyển sinh hoạt đảng chính thức cần: giấy giới thiệu sinh hoạt đảng do cấp ủy có thẩm quyền cấp, hồ sơ đảng viên "
     "(được niêm phong) và phiếu đảng viên. Đồng chí liên hệ chi bộ nơi đang sinh hoạt để làm thủ tục trước khi chuyển đi; "
     "trong 30 ngày làm việc kể từ ngày giới thiệu, đồng chí phải xuất trình giấy giới thiệu với tổ chức đảng nơi đến.",
     datetime(2020, 5, 4, 9, 12)),
    (0, "van-phong-thi-uy", "Giờ tiếp dân của Thường trực Thị ủy",
     "Thường trực Thị ủy tiếp công dân vào ngày nào trong tháng, và có cần đăng ký trước không?",
     "Thường trực Thị ủy tiếp công dân định kỳ vào ngày 15 hằng tháng (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp) "
     "tại Trụ sở tiếp công dân thị xã. Công dân nên đăng ký trước qua Văn phòng Thị ủy để được bố trí thời gian, "
     "và mang theo giấy tờ tùy thân cùng các tài liệu liên quan.",
     datetime(2020, 6, 1, 14, 30)),
    (2, "ban-tuyen-giao-thi-uy", "Tài liệu học tập nghị quyết cho đảng viên cao tuổi",
     "Bố tôi 80 tuổi, mắt kém, không đi học nghị quyết được. Chi bộ có tài liệu nào để ông đọc ở nhà không?",
     "Đảng viên cao tuổi, sức khỏe yếu được miễn sinh hoạt, học tập theo quy định; chi bộ có trách nhiệm gửi tài liệu tóm tắt "
     "để đồng chí nghiên cứu tại nhà. Ban Tuyên giáo Thị ủy đã gửi bản in chữ lớn của tài liệu học tập đến các chi bộ; "
     "gia đình có thể liên hệ bí thư chi bộ để nhận.",
     datetime(2020, 6, 10, 8, 5)),
)
# Asked two days before the demo is loaded, so the moderator finds it waiting, details and all.
WAITING = (1, "Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ",
           "Tôi nộp hồ sơ xin phép xây nhà ở phường Bắc Hồng đã ba tuần. Thời hạn giải quyết theo quy định là bao lâu?")


def load_questions() -> None:
    topics = [QuestionTopic(name=name, slug=slugify(name), position=index) for index, name in enumerate(TOPICS, start=1)]
    db.session.add_all(topics)
    db.session.flush()
    units = dict(db.session.execute(select(Unit.slug, Unit.id)).all())
    for topic, unit, title, text, answer, asked in QUESTIONS:
        db.session.add(Question(
            reference=new_reference("HD"), topic_id=topics[topic].id, unit_id=units[unit], name=FORGOTTEN, forgotten_at=asked,
            title=title, slug=slugify(title), question=text, answer=answer,
            words=fold(" ".join((title, text, answer))), status=QuestionStatus.PUBLISHED, handled_by="(dữ liệu mẫu)",
            created_at=asked, published_at=asked.replace(hour=17),
        ))  # fmt: skip
    topic, title, text = WAITING
    db.session.add(Question(reference=new_reference("HD"), topic_id=topics[topic].id, name="Người hỏi (dữ liệu mẫu)",
                            phone="0912 000 000", title=title, question=text, created_at=clock.now() - timedelta(days=2)))  # fmt: skip
    db.session.add(ContactMessage(
        reference=new_reference("LH"), unit_id=units["ban-tuyen-giao-thi-uy"], name="Người gửi (dữ liệu mẫu)",
        email=DEMO_SENDER, subject="Xin tài liệu tuyên truyền về an toàn giao thông",
        message="Tổ dân phố chúng tôi muốn xin tài liệu tuyên truyền về an toàn giao thông để phát trên loa truyền thanh.",
        created_at=clock.now() - timedelta(days=1),
    ))  # fmt: skip
