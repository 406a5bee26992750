"""Demo Hỏi đáp: the topics and a handful of answered questions, marked as demo. Idempotent.

The questions are the kind workers send (wages, social insurance, contracts, overtime,
maternity leave, union dues); the askers and their contacts are invented and end in
example.vn. The answers cite the laws in force at the demo's answer dates.
"""

from datetime import timedelta

from django.utils import timezone

from questions import services
from questions.models import Question, Topic

DEMO_NOTE = "Dữ liệu mẫu để minh họa, chưa được xác minh."

TOPICS = [
    ("Tiền lương, thưởng", "tien-luong"),
    ("Bảo hiểm xã hội, bảo hiểm thất nghiệp", "bao-hiem-xa-hoi"),
    ("Hợp đồng lao động", "hop-dong-lao-dong"),
    ("Thời giờ làm việc, làm thêm giờ", "lam-them-gio"),
    ("Chế độ thai sản, lao động nữ", "thai-san"),
    ("Đoàn viên, đoàn phí công đoàn", "doan-phi"),
]

# code, topic slug, days before today answered, asker's title, text, workplace,
# public title, public question, public answer, legal basis, law-changed note
QUESTIONS = [
    (
        "DEMO000001",
        "tien-luong",
        400,
        "Công ty trả lương thấp hơn lương tối thiểu vùng",
        "Tôi làm ở xưởng may tại Cao Lộc, hợp đồng ghi lương 4.000.000 đồng một tháng. "
        "Như vậy có đúng không?",
        "Xưởng may Hồng Phúc",
        "Lương ghi trong hợp đồng thấp hơn lương tối thiểu vùng có đúng không?",
        "Tôi làm công nhân may ở một huyện thuộc vùng IV, hợp đồng ghi lương 4.000.000 đồng một "
        "tháng cho công việc giản đơn, làm đủ thời giờ làm việc bình thường. Như vậy có đúng "
        "không?",
        "Mức lương trả cho người làm đủ thời giờ làm việc bình thường trong tháng không được thấp "
        "hơn mức lương tối thiểu vùng do Chính phủ công bố. Từ ngày 01/7/2024, mức lương tối "
        "thiểu tháng của vùng IV là 3.450.000 đồng; mức 4.000.000 đồng trong hợp đồng của bạn "
        "cao hơn mức này nên không trái quy định.\n\nNếu công việc đòi hỏi đã qua học nghề, đào "
        "tạo nghề, hai bên nên thỏa thuận mức cao hơn; bạn có thể đề nghị Công đoàn cơ sở đối "
        "thoại với người sử dụng lao động về thang lương, bảng lương.",
        "Bộ luật Lao động năm 2019, Điều 90, Điều 91\nNghị định số 74/2024/NĐ-CP ngày "
        "30/6/2024 của Chính phủ quy định mức lương tối thiểu đối với người lao động làm việc "
        "theo hợp đồng lao động",
        "Từ ngày 01/01/2026, mức lương tối thiểu vùng được Chính phủ điều chỉnh tăng; hãy đối "
        "chiếu với mức đang áp dụng.",
    ),
    (
        "DEMO000002",
        "bao-hiem-xa-hoi",
        32,
        "Nghỉ việc có được hưởng bảo hiểm thất nghiệp không",
        "Tôi đóng bảo hiểm được 3 năm, nay công ty cho nghỉ do cắt giảm. Tôi muốn hỏi thủ tục.",
        "Công ty TNHH Điện tử Đồng Đăng",
        "Bị cắt giảm sau 3 năm đóng bảo hiểm có được hưởng trợ cấp thất nghiệp?",
        "Tôi đóng bảo hiểm thất nghiệp liên tục 3 năm, nay công ty chấm dứt hợp đồng vì cắt "
        "giảm lao động. Tôi có được hưởng bảo hiểm thất nghiệp không và cần làm gì?",
        "Bạn được hưởng trợ cấp thất nghiệp khi đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng "
        "trong 24 tháng trước khi chấm dứt hợp đồng và nộp hồ sơ tại trung tâm dịch vụ việc làm "
        "trong 03 tháng kể từ ngày chấm dứt hợp đồng.\n\nMức hưởng hằng tháng bằng 60% bình "
        "quân tiền lương tháng đóng bảo hiểm thất nghiệp của 06 tháng liền kề trước khi thất "
        "nghiệp; đóng đủ 12 đến 36 tháng được hưởng 03 tháng trợ cấp. Hồ sơ gồm đề nghị hưởng "
        "trợ cấp, quyết định chấm dứt hợp đồng và sổ bảo hiểm xã hội.",
        "Luật Việc làm năm 2013, Điều 49, Điều 50\nNghị định số 28/2015/NĐ-CP",
        "Luật Việc làm năm 2025 có hiệu lực từ ngày 01/01/2026 thay thế Luật Việc làm năm 2013; "
        "điều kiện và mức hưởng trợ cấp thất nghiệp có thay đổi. Hãy gửi câu hỏi nếu bạn nghỉ "
        "việc từ năm 2026.",
    ),
    (
        "DEMO000003",
        "hop-dong-lao-dong",
        25,
        "Ký hợp đồng thời vụ nhiều lần liên tiếp",
        "Tôi làm bảo vệ ở trường, năm nào cũng ký hợp đồng 12 tháng, đã 4 năm.",
        "Trường THCS thị trấn",
        "Hợp đồng xác định thời hạn được ký tối đa mấy lần?",
        "Tôi làm bảo vệ, mỗi năm ký một hợp đồng 12 tháng, đến nay đã là hợp đồng thứ tư. Như "
        "vậy có đúng quy định không?",
        "Khi hợp đồng xác định thời hạn hết hạn mà hai bên ký hợp đồng mới, thì chỉ được ký thêm "
        "01 lần hợp đồng xác định thời hạn; sau đó nếu người lao động vẫn tiếp tục làm việc thì "
        "phải ký hợp đồng không xác định thời hạn (trừ một số trường hợp luật riêng quy định).\n\n"
        "Như vậy từ hợp đồng thứ ba, đơn vị phải ký hợp đồng không xác định thời hạn với bạn. "
        "Bạn có thể đề nghị Công đoàn cơ sở hoặc công đoàn cấp trên hỗ trợ làm việc với đơn vị.",
        "Bộ luật Lao động năm 2019, Điều 20",
        "",
    ),
    (
        "DEMO000004",
        "lam-them-gio",
        18,
        "Làm thêm ngày chủ nhật được trả bao nhiêu",
        "Chủ nhật nào công ty cũng gọi đi làm thêm, chỉ trả 150% lương.",
        "Nhà máy gạch Tuynel",
        "Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương thế nào?",
        "Công ty thường bố trí làm thêm vào ngày nghỉ hằng tuần (chủ nhật) và trả bằng 150% "
        "tiền lương. Như vậy có đúng không? Mỗi năm được làm thêm tối đa bao nhiêu giờ?",
        "Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất bằng 200% tiền lương theo công "
        "việc đang làm; vào ngày lễ, tết, ngày nghỉ có hưởng lương ít nhất bằng 300%. Mức 150% "
        "chỉ áp dụng cho ngày thường.\n\nSố giờ làm thêm không quá 40 giờ trong một tháng và "
        "không quá 200 giờ trong một năm (một số ngành được đến 300 giờ), và phải được người lao "
        "động đồng ý.",
        "Bộ luật Lao động năm 2019, Điều 98, Điều 107",
        "",
    ),
    (
        "DEMO000005",
        "thai-san",
        11,
        "Nghỉ sinh con được mấy tháng",
        "Tôi sắp sinh con thứ hai, muốn hỏi được nghỉ bao lâu và chồng có được nghỉ không.",
        "Công ty Cổ phần Xi măng",
        "Lao động nữ sinh con được nghỉ thai sản bao lâu, chồng có được nghỉ?",
        "Tôi sắp sinh con thứ hai. Tôi được nghỉ thai sản bao lâu, trong thời gian nghỉ được "
        "hưởng bao nhiêu, và chồng tôi (cùng đóng bảo hiểm xã hội) có được nghỉ không?",
        "Lao động nữ sinh con được nghỉ hưởng chế độ thai sản 06 tháng (sinh đôi trở lên, từ con "
        "thứ hai trở đi mỗi con được thêm 01 tháng); mức hưởng mỗi tháng bằng 100% mức bình quân "
        "tiền lương tháng đóng bảo hiểm xã hội của 06 tháng trước khi nghỉ.\n\nLao động nam đang "
        "đóng bảo hiểm xã hội có vợ sinh con được nghỉ 05 ngày làm việc (07 ngày nếu vợ sinh "
        "phải phẫu thuật hoặc sinh con dưới 32 tuần tuổi).",
        "Bộ luật Lao động năm 2019, Điều 139\nLuật Bảo hiểm xã hội năm 2024",
        "",
    ),
    (
        "DEMO000006",
        "doan-phi",
        4,
        "Đoàn phí công đoàn đóng bao nhiêu",
        "Công ty trừ 1% lương của tôi để đóng đoàn phí, tôi muốn biết có đúng không.",
        "Hợp tác xã dịch vụ",
        "Đoàn viên đóng đoàn phí công đoàn bằng bao nhiêu phần trăm tiền lương?",
        "Hằng tháng tôi bị trừ 1% tiền lương để đóng đoàn phí công đoàn. Mức này có đúng không "
        "và có mức tối đa không?",
        "Đoàn viên công đoàn đóng đoàn phí bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội; "
        "mức đóng tối đa hằng tháng bằng 10% mức lương cơ sở. Khoản này khác với kinh phí công "
        "đoàn 2% quỹ tiền lương do người sử dụng lao động đóng, không được trừ vào lương của "
        "người lao động.",
        "Luật Công đoàn năm 2024\nQuy định của Tổng Liên đoàn Lao động Việt Nam về thu, chi "
        "đoàn phí công đoàn",
        "",
    ),
]


def load() -> str:
    topics = {}
    for order, (name, slug) in enumerate(TOPICS, start=1):
        topic = Topic.objects.filter(slug=slug).first() or Topic(slug=slug)
        topic.name, topic.order = name, order * 10
        topic.description = topic.description or ""
        topic.save()
        topics[slug] = topic

    made = 0
    today = timezone.localtime()
    for (
        code, topic, days, title, text, workplace, public_title, public_question, answer,
        law, changed,
    ) in QUESTIONS:  # fmt: skip
        question = Question.objects.filter(code=code).first()
        if question is None:
            question = Question(code=code)
            made += 1
        answered = today - timedelta(days=days)
        question.title, question.text, question.workplace = (
            title,
            f"{text}\n\n({DEMO_NOTE})",
            workplace,
        )
        question.topic = topics[topic]
        question.asker_name, question.is_anonymous = "", True
        question.email = f"nguoi-hoi-{code[-1]}@example.vn"
        question.body = services.route(workplace="", district=None)
        question.public_title, question.public_question = public_title, public_question
        question.public_answer, question.legal_basis = answer, law
        question.law_changed_note = changed
        question.private_answer = answer
        question.status = Question.Status.ANSWERED
        question.answered_at = question.closed_at = question.published_at = answered
        question.publication = Question.Publication.PUBLISHED
        question.anonymised_confirmed = True
        question.read_count = question.read_count or (len(QUESTIONS) - days % 7) * 13
        question.save()
        # Asked a few days before the answer (received_at is stamped on creation).
        Question.objects.filter(pk=question.pk).update(received_at=answered - timedelta(days=3))
    return f"{len(TOPICS)} chủ đề hỏi đáp, {len(QUESTIONS)} hỏi đáp mẫu ({made} mới)"
