"""Demo content for the Hồng Lĩnh portal: categories, articles, links, songs and site settings.

Everything here is fictional but written in the style of a town party-committee news site.
Pure data: ``portal.demo.loader`` turns it into database rows.
"""

from datetime import datetime

CATEGORIES = [
    {"name": "Tin tức - Sự kiện", "slug": "tin-tuc-su-kien", "position": 1},
    {"name": "Xây dựng Đảng", "slug": "xay-dung-dang", "position": 2},
    {"name": "Kinh tế - Xã hội", "slug": "kinh-te-xa-hoi", "position": 3},
    {"name": "Văn hóa - Thể thao", "slug": "van-hoa-the-thao", "position": 4},
    {"name": "Quốc phòng - An ninh", "slug": "quoc-phong-an-ninh", "position": 5},
]

ARTICLES = [
    # ------------------------------------------------------------------ Tin tức - Sự kiện
    {
        "title": "HĐND thị xã Hồng Lĩnh tổ chức kỳ họp thường lệ cuối năm 2019",
        "category": "tin-tuc-su-kien",
        "published_at": datetime(2019, 12, 18, 8, 30),
        "summary": (
            "Kỳ họp đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2019, "
            "quyết định mục tiêu, giải pháp cho năm 2020 và thông qua nhiều nghị quyết quan trọng."
        ),
        "paragraphs": [
            "Sáng nay, HĐND thị xã Hồng Lĩnh khai mạc kỳ họp thường lệ cuối năm 2019. Dự kỳ họp có đại diện "
            "Thường trực HĐND tỉnh, các đồng chí trong Ban Thường vụ Thị ủy, các đại biểu HĐND thị xã cùng lãnh đạo "
            "các phòng, ban, ngành, đoàn thể và các phường, xã trên địa bàn.",
            "Báo cáo của UBND thị xã cho thấy, năm 2019 tình hình kinh tế - xã hội trên địa bàn tiếp tục có chuyển "
            "biến tích cực. Công tác chỉnh trang đô thị, xây dựng nông thôn mới được quan tâm chỉ đạo; thu ngân sách "
            "đạt khá so với kế hoạch; các lĩnh vực văn hóa, giáo dục, y tế, an sinh xã hội được bảo đảm. Quốc phòng, "
            "an ninh được giữ vững, trật tự an toàn xã hội ổn định.",
            "Bên cạnh những kết quả đạt được, kỳ họp cũng thẳng thắn chỉ ra một số hạn chế. Tiến độ giải phóng mặt "
            "bằng ở một số dự án còn chậm, việc thu hút đầu tư vào cụm công nghiệp chưa đạt kỳ vọng, công tác quản lý "
            "trật tự xây dựng ở một số nơi còn buông lỏng.",
            "Tại phiên chất vấn, các đại biểu tập trung vào những vấn đề cử tri quan tâm như vệ sinh môi trường, "
            "quản lý đất đai, nâng cấp hạ tầng giao thông nội thị. Lãnh đạo UBND thị xã và thủ trưởng các phòng, ban "
            "chuyên môn đã trả lời thẳng thắn, nêu rõ giải pháp khắc phục và thời gian thực hiện.",
            "Kết thúc kỳ họp, HĐND thị xã đã thông qua các nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, dự "
            "toán ngân sách và kế hoạch đầu tư công năm 2020. Các nghị quyết sẽ được triển khai đến các phường, xã "
            "ngay từ những ngày đầu năm mới.",
        ],
        "byline": "Nguyễn Thị Thu Trang - Văn phòng HĐND-UBND thị xã",
    },
    {
        "title": "Thị xã Hồng Lĩnh tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020",
        "category": "tin-tuc-su-kien",
        "published_at": datetime(2020, 1, 8, 14, 10),
        "summary": (
            "UBND thị xã tổ chức hội nghị tổng kết, đánh giá kết quả thực hiện nhiệm vụ năm 2019 và bàn giải pháp "
            "thực hiện thắng lợi các chỉ tiêu năm 2020."
        ),
        "paragraphs": [
            "Chiều 8/1, UBND thị xã Hồng Lĩnh tổ chức hội nghị tổng kết công tác năm 2019, triển khai nhiệm vụ năm "
            "2020. Tham dự hội nghị có các đồng chí Thường trực Thị ủy, lãnh đạo HĐND, UBND, Ủy ban MTTQ thị xã cùng "
            "đại diện các phòng, ban, đơn vị và lãnh đạo 6 phường, xã.",
            "Năm 2019, các cấp, các ngành đã bám sát chủ đề công tác của năm, triển khai đồng bộ nhiều giải pháp nên "
            "hầu hết các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch. Bộ mặt đô thị có nhiều khởi sắc với nhiều tuyến "
            "đường, khu dân cư được chỉnh trang sáng - xanh - sạch - đẹp. Phong trào xây dựng khu dân cư kiểu mẫu, "
            "vườn mẫu được nhân dân hưởng ứng tích cực.",
            "Phát biểu chỉ đạo hội nghị, đồng chí Bí thư Thị ủy đề nghị các đơn vị nghiêm túc nhìn nhận những tồn "
            "tại, hạn chế để có giải pháp khắc phục. Năm 2020 là năm tổ chức đại hội đảng bộ các cấp, vì vậy cần tập "
            "trung hoàn thành các chỉ tiêu của nhiệm kỳ, đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư và "
            "chăm lo đời sống nhân dân.",
            "Dịp này, UBND thị xã đã khen thưởng nhiều tập thể, cá nhân có thành tích xuất sắc trong thực hiện nhiệm "
            "vụ năm 2019. Các điển hình tiên tiến sẽ tiếp tục được biểu dương, nhân rộng trong năm 2020.",
        ],
        "byline": "Phan Văn Đức - Trung tâm VH-TT thị xã",
        "figure_caption": "Quang cảnh hội nghị tổng kết công tác năm 2019 của UBND thị xã Hồng Lĩnh",
    },
    {
        "title": "Lãnh đạo thị xã thăm, tặng quà gia đình chính sách dịp Tết Nguyên đán Canh Tý 2020",
        "category": "tin-tuc-su-kien",
        "published_at": datetime(2020, 1, 17, 16, 40),
        "summary": (
            "Các đoàn công tác của thị xã đã đến thăm hỏi, động viên và trao quà cho các gia đình chính sách, người "
            "có công và hộ có hoàn cảnh khó khăn trên địa bàn trước thềm năm mới."
        ),
        "paragraphs": [
            "Trong không khí cả nước chuẩn bị đón Tết cổ truyền của dân tộc, các đoàn công tác do lãnh đạo Thị ủy, "
            "HĐND, UBND, Ủy ban MTTQ thị xã dẫn đầu đã đến thăm, tặng quà các gia đình chính sách, người có công với "
            "cách mạng và hộ có hoàn cảnh khó khăn. Các đoàn đã đến tất cả 6 phường, xã trên địa bàn.",
            "Tại mỗi nơi đến thăm, các đồng chí lãnh đạo thị xã ân cần hỏi thăm sức khỏe, đời sống, tâm tư của các "
            "gia đình. Đoàn bày tỏ lòng biết ơn sâu sắc đối với những hy sinh, cống hiến của các thế hệ cha anh cho sự "
            "nghiệp giải phóng dân tộc và xây dựng quê hương.",
            "Cùng với quà của Chủ tịch nước và của tỉnh, thị xã đã trích ngân sách, vận động các doanh nghiệp, nhà "
            "hảo tâm chuẩn bị nhiều suất quà Tết. Các phường, xã được yêu cầu rà soát kỹ đối tượng, bảo đảm không để "
            "sót người, không để hộ nào không có Tết.",
            "Các gia đình được thăm hỏi xúc động bày tỏ niềm vui, cảm ơn sự quan tâm của Đảng, chính quyền. Họ hứa "
            "sẽ tiếp tục động viên con cháu chấp hành tốt chủ trương, chính sách, góp phần xây dựng thị xã ngày càng "
            "giàu đẹp.",
        ],
        "byline": "Võ Thị Minh Nguyệt - Phòng Lao động - TB&XH thị xã",
    },
    {
        "title": "Hồng Lĩnh triển khai quyết liệt các biện pháp phòng, chống dịch COVID-19",
        "category": "tin-tuc-su-kien",
        "published_at": datetime(2020, 3, 24, 10, 5),
        "summary": (
            "Ban Chỉ đạo phòng, chống dịch thị xã yêu cầu các phường, xã, cơ quan, đơn vị thực hiện nghiêm chỉ đạo "
            "của cấp trên, chủ động phát hiện sớm và cách ly kịp thời các trường hợp nghi nhiễm."
        ),
        "paragraphs": [
            "Trước diễn biến phức tạp của dịch bệnh COVID-19, Ban Chỉ đạo phòng, chống dịch thị xã Hồng Lĩnh đã họp "
            "khẩn, đánh giá tình hình và triển khai các biện pháp cấp bách. Đồng chí Chủ tịch UBND thị xã, Trưởng Ban "
            "Chỉ đạo yêu cầu các thành viên tuyệt đối không chủ quan, lơ là. Công tác phòng, chống dịch phải được coi "
            "là nhiệm vụ trọng tâm hàng đầu.",
            "Các tổ công tác tại phường, xã và khu dân cư được kiện toàn, thường xuyên rà soát, nắm chắc danh sách "
            "người từ vùng dịch trở về địa phương. Lực lượng y tế, công an, quân sự phối hợp chặt chẽ, tổ chức khai "
            "báo y tế, theo dõi sức khỏe và cách ly theo đúng quy định.",
            "Công tác tuyên truyền được đẩy mạnh trên hệ thống loa truyền thanh, trang thông tin điện tử và mạng xã "
            "hội. Người dân được khuyến cáo hạn chế tụ tập đông người, thường xuyên rửa tay bằng xà phòng, đeo khẩu "
            "trang khi ra nơi công cộng và khai báo y tế trung thực.",
            "Cùng với đó, thị xã chỉ đạo kiểm tra, xử lý nghiêm các hành vi đầu cơ, găm hàng, tăng giá vật tư y tế và "
            "đưa tin sai sự thật về dịch bệnh. Các cơ sở kinh doanh dịch vụ không thiết yếu tạm dừng hoạt động theo "
            "chỉ đạo của tỉnh.",
        ],
        "byline": "Trần Văn Nam - Trung tâm VH-TT thị xã",
        "figure_caption": "Lực lượng chức năng phun khử khuẩn tại khu vực chợ trung tâm thị xã",
    },
    {
        "title": "Đại biểu HĐND thị xã tiếp xúc cử tri trước kỳ họp giữa năm 2020",
        "category": "tin-tuc-su-kien",
        "published_at": datetime(2020, 6, 12, 15, 30),
        "summary": (
            "Các tổ đại biểu HĐND thị xã đã tiếp xúc cử tri tại các phường, xã để thông báo tình hình kinh tế - xã "
            "hội 6 tháng đầu năm và lắng nghe ý kiến, kiến nghị của nhân dân."
        ),
        "paragraphs": [
            "Thực hiện chương trình công tác, các tổ đại biểu HĐND thị xã Hồng Lĩnh đã tổ chức tiếp xúc cử tri tại "
            "các phường, xã trước kỳ họp giữa năm 2020. Tại các buổi tiếp xúc, đại diện tổ đại biểu đã thông báo dự "
            "kiến nội dung kỳ họp và kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm.",
            "Cử tri phấn khởi trước những kết quả thị xã đạt được, nhất là trong công tác phòng, chống dịch COVID-19 "
            "và chi trả kịp thời chính sách hỗ trợ người dân gặp khó khăn. Nhiều ý kiến đề nghị tiếp tục đầu tư hệ "
            "thống thoát nước, điện chiếu sáng ở các khu dân cư. Cử tri cũng mong muốn xử lý dứt điểm tình trạng đổ "
            "rác thải không đúng nơi quy định.",
            "Cử tri phường Đức Thuận và xã Thuận Lộc kiến nghị quan tâm nạo vét kênh mương nội đồng trước mùa mưa "
            "bão, hỗ trợ nông dân tiêu thụ sản phẩm. Cử tri phường Nam Hồng đề nghị sớm giải quyết vướng mắc trong "
            "cấp giấy chứng nhận quyền sử dụng đất cho một số hộ.",
            "Các ý kiến của cử tri đã được lãnh đạo UBND thị xã và các phòng, ban chuyên môn tiếp thu, giải trình cụ "
            "thể. Những nội dung vượt thẩm quyền sẽ được tổng hợp, báo cáo tại kỳ họp tới.",
        ],
        "byline": "Nguyễn Thị Thu Trang - Văn phòng HĐND-UBND thị xã",
    },
    # ------------------------------------------------------------------ Xây dựng Đảng
    {
        "title": "Đảng bộ thị xã Hồng Lĩnh kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "category": "xay-dung-dang",
        "published_at": datetime(2020, 2, 3, 9, 10),
        "summary": (
            "Buổi lễ ôn lại truyền thống vẻ vang của Đảng, đồng thời trao Huy hiệu Đảng cho các đảng viên lão thành "
            "trên địa bàn thị xã."
        ),
        "paragraphs": [
            "Sáng 3/2, Đảng bộ thị xã Hồng Lĩnh long trọng tổ chức lễ kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản "
            "Việt Nam (3/2/1930 - 3/2/2020). Tham dự buổi lễ có các đồng chí nguyên lãnh đạo thị xã qua các thời kỳ, "
            "các đồng chí Ủy viên Ban Chấp hành Đảng bộ thị xã cùng đông đảo cán bộ, đảng viên và nhân dân.",
            "Diễn văn kỷ niệm do đồng chí Bí thư Thị ủy trình bày đã ôn lại chặng đường 90 năm Đảng lãnh đạo nhân "
            "dân ta giành độc lập, thống nhất đất nước và tiến hành công cuộc đổi mới. Dưới ánh sáng đường lối của "
            "Đảng, Đảng bộ và nhân dân Hồng Lĩnh đã đoàn kết, nỗ lực vượt qua khó khăn, xây dựng quê hương ngày càng "
            "khang trang, văn minh.",
            "Diễn văn nhấn mạnh, để xứng đáng với truyền thống vẻ vang, mỗi cán bộ, đảng viên cần không ngừng tu "
            "dưỡng, rèn luyện, gương mẫu đi đầu trong mọi phong trào. Các tổ chức cơ sở đảng phải tập trung chuẩn bị "
            "chu đáo, tổ chức thành công đại hội nhiệm kỳ 2020 - 2025.",
            "Nhân dịp này, Thị ủy đã trao Huy hiệu 70, 60, 50, 40 và 30 năm tuổi Đảng cho các đảng viên thuộc Đảng "
            "bộ thị xã. Các đồng chí đảng viên lão thành bày tỏ niềm tự hào và hứa tiếp tục phát huy vai trò, truyền "
            "lửa cho thế hệ trẻ.",
        ],
        "byline": "Hoàng Minh Tuấn - Ban Tuyên giáo Thị ủy",
        "figure_caption": "Các đảng viên lão thành nhận Huy hiệu Đảng tại lễ kỷ niệm",
    },
    {
        "title": "Đảng bộ phường Đậu Liêu tổ chức thành công đại hội điểm nhiệm kỳ 2020 - 2025",
        "category": "xay-dung-dang",
        "published_at": datetime(2020, 5, 12, 11, 0),
        "summary": (
            "Là đơn vị được Ban Thường vụ Thị ủy chọn tổ chức đại hội điểm, Đảng bộ phường Đậu Liêu đã hoàn thành "
            "chương trình đại hội trong không khí dân chủ, đoàn kết."
        ),
        "paragraphs": [
            "Trong hai ngày 11 và 12/5, Đảng bộ phường Đậu Liêu tiến hành đại hội đại biểu nhiệm kỳ 2020 - 2025. Đây "
            "là đại hội điểm cấp cơ sở của Đảng bộ thị xã, được tổ chức bảo đảm các yêu cầu phòng, chống dịch "
            "COVID-19.",
            "Nhiệm kỳ qua, Đảng bộ phường đã lãnh đạo nhân dân đạt nhiều kết quả quan trọng. Hạ tầng đô thị được đầu "
            "tư đồng bộ, nhiều tuyến đường tổ dân phố được bê tông hóa, đời sống vật chất và tinh thần của nhân dân "
            "từng bước được nâng lên. Công tác xây dựng Đảng, xây dựng hệ thống chính trị có nhiều chuyển biến.",
            "Đại hội đã thảo luận, góp ý vào dự thảo văn kiện đại hội Đảng bộ cấp trên. Trên cơ sở đó, đại hội đề ra "
            "phương hướng, mục tiêu nhiệm kỳ mới với trọng tâm là phát triển thương mại, dịch vụ, xây dựng đô thị văn "
            "minh và nâng cao chất lượng tổ chức cơ sở đảng.",
            "Đại hội đã bầu Ban Chấp hành Đảng bộ phường nhiệm kỳ 2020 - 2025 và đoàn đại biểu đi dự Đại hội Đảng bộ "
            "thị xã. Kinh nghiệm từ đại hội điểm sẽ được Ban Thường vụ Thị ủy tổng hợp, hướng dẫn các tổ chức cơ sở "
            "đảng còn lại vận dụng.",
        ],
        "byline": "Đặng Văn Hùng - Đảng ủy phường Đậu Liêu",
    },
    {
        "title": "Sơ kết thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị năm 2019",
        "category": "xay-dung-dang",
        "published_at": datetime(2019, 11, 14, 15, 0),
        "summary": (
            "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã được các cấp ủy, tổ chức đảng "
            "trên địa bàn thị xã triển khai nền nếp, gắn với nhiệm vụ chính trị của từng đơn vị."
        ),
        "paragraphs": [
            "Ban Thường vụ Thị ủy Hồng Lĩnh vừa tổ chức hội nghị sơ kết việc thực hiện Chỉ thị 05-CT/TW của Bộ Chính "
            "trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2019. Tham dự hội nghị "
            "có bí thư các chi bộ, đảng bộ trực thuộc và lãnh đạo các ban xây dựng Đảng.",
            "Theo báo cáo, các chi bộ, đảng bộ đã đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ định kỳ. "
            "Mỗi cán bộ, đảng viên đều xây dựng kế hoạch tu dưỡng, rèn luyện của cá nhân; người đứng đầu cơ quan, đơn "
            "vị nêu gương trong thực hiện nhiệm vụ.",
            "Nhiều mô hình, cách làm hay đã được nhân rộng như “Dân vận khéo” trong xây dựng khu dân cư kiểu mẫu, "
            "“Mỗi tuần một việc tốt” trong đoàn viên thanh niên, “Chi bộ kiểu mẫu” gắn với cải cách hành chính. Các "
            "phong trào thi đua đã góp phần tích cực vào việc thực hiện nhiệm vụ phát triển kinh tế - xã hội của địa "
            "phương.",
            "Hội nghị cũng chỉ ra việc đăng ký làm theo ở một số nơi còn chung chung, chưa cụ thể. Ban Thường vụ Thị "
            "ủy yêu cầu thời gian tới cần gắn việc thực hiện Chỉ thị 05 với Nghị quyết Trung ương 4 khóa XII về xây "
            "dựng, chỉnh đốn Đảng.",
        ],
        "byline": "Hoàng Minh Tuấn - Ban Tuyên giáo Thị ủy",
    },
    {
        "title": "Ủy ban Kiểm tra Thị ủy triển khai nhiệm vụ năm 2020",
        "category": "xay-dung-dang",
        "published_at": datetime(2020, 1, 14, 8, 50),
        "summary": (
            "Năm 2020, công tác kiểm tra, giám sát tập trung vào việc chuẩn bị và tổ chức đại hội đảng bộ các cấp, "
            "kịp thời phát hiện, ngăn ngừa vi phạm ngay từ cơ sở."
        ),
        "paragraphs": [
            "Ủy ban Kiểm tra Thị ủy Hồng Lĩnh vừa tổ chức hội nghị tổng kết công tác kiểm tra, giám sát và thi hành "
            "kỷ luật đảng năm 2019, triển khai nhiệm vụ năm 2020. Dự hội nghị có đại diện Thường trực Thị ủy và ủy ban "
            "kiểm tra các đảng bộ, chi bộ cơ sở.",
            "Năm qua, cấp ủy và ủy ban kiểm tra các cấp đã thực hiện toàn diện các nhiệm vụ theo quy định của Điều lệ "
            "Đảng. Việc kiểm tra, giám sát được tiến hành có trọng tâm, trọng điểm, tập trung vào những lĩnh vực nhạy "
            "cảm như quản lý đất đai, tài chính, đầu tư xây dựng cơ bản. Qua kiểm tra đã kịp thời chấn chỉnh, uốn nắn "
            "những thiếu sót, góp phần giữ vững kỷ cương, kỷ luật trong Đảng.",
            "Năm 2020, Ủy ban Kiểm tra Thị ủy xác định tập trung kiểm tra, giám sát việc chuẩn bị và tổ chức đại hội "
            "đảng bộ các cấp, giải quyết kịp thời đơn thư liên quan đến nhân sự đại hội. Đồng thời, tăng cường giám "
            "sát thường xuyên, phát hiện sớm để ngăn ngừa vi phạm ngay từ khi mới manh nha.",
            "Phát biểu tại hội nghị, đồng chí Phó Bí thư Thường trực Thị ủy đề nghị đội ngũ cán bộ làm công tác kiểm "
            "tra phải thực sự công tâm, khách quan, chính xác. Mỗi cán bộ cần thường xuyên nâng cao bản lĩnh chính "
            "trị và nghiệp vụ chuyên môn.",
        ],
        "byline": "Nguyễn Hữu Thắng - Ủy ban Kiểm tra Thị ủy",
    },
    {
        "title": "Chú trọng phát triển đảng viên trong đoàn viên thanh niên",
        "category": "xay-dung-dang",
        "published_at": datetime(2019, 10, 22, 16, 10),
        "summary": (
            "Thông qua các phong trào hành động cách mạng, tổ chức đoàn các cấp đã phát hiện, bồi dưỡng nhiều đoàn "
            "viên ưu tú giới thiệu cho Đảng xem xét kết nạp."
        ),
        "paragraphs": [
            "Xác định thanh niên là nguồn bổ sung quan trọng cho đội ngũ đảng viên, thời gian qua Ban Thường vụ Thị ủy "
            "Hồng Lĩnh đã chỉ đạo các tổ chức cơ sở đảng quan tâm tạo nguồn, phát triển đảng viên trong đoàn viên "
            "thanh niên. Việc này được chú trọng nhất là ở các khu dân cư và trường học.",
            "Các cơ sở đoàn đã giao nhiệm vụ cụ thể cho đoàn viên ưu tú thông qua các công trình thanh niên, phong trào "
            "tình nguyện, khởi nghiệp, qua đó rèn luyện và thử thách bản lĩnh. Những đoàn viên tiêu biểu được giới "
            "thiệu tham gia lớp bồi dưỡng nhận thức về Đảng và được đảng viên chính thức giúp đỡ.",
            "Tại các trường trung học phổ thông trên địa bàn, chi bộ nhà trường phối hợp chặt chẽ với đoàn trường "
            "theo dõi, bồi dưỡng những học sinh có thành tích học tập, rèn luyện xuất sắc. Nhiều em đã vinh dự được "
            "đứng vào hàng ngũ của Đảng ngay khi còn ngồi trên ghế nhà trường.",
            "Đồng chí Trưởng Ban Tổ chức Thị ủy cho biết, thời gian tới sẽ tiếp tục chỉ đạo các cấp ủy khắc phục tình "
            "trạng ngại khó trong công tác tạo nguồn. Việc phát triển đảng viên phải bảo đảm chất lượng gắn với số "
            "lượng.",
        ],
        "byline": "Bùi Thị Lan Anh - Thị đoàn Hồng Lĩnh",
    },
    # ------------------------------------------------------------------ Kinh tế - Xã hội
    {
        "title": "Xã Thuận Lộc ra quân xây dựng nông thôn mới kiểu mẫu",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2019, 10, 15, 7, 50),
        "summary": (
            "Hàng trăm cán bộ, đoàn viên, hội viên và người dân xã Thuận Lộc đã đồng loạt ra quân chỉnh trang đường "
            "làng, ngõ xóm, xây dựng khu dân cư kiểu mẫu, vườn mẫu."
        ),
        "paragraphs": [
            "Sáng nay, xã Thuận Lộc tổ chức lễ ra quân xây dựng nông thôn mới kiểu mẫu, khu dân cư kiểu mẫu và vườn "
            "mẫu đợt cao điểm cuối năm 2019. Đông đảo cán bộ, đoàn viên, hội viên và người dân các thôn đã tham gia.",
            "Ngay sau lễ phát động, các thôn đã huy động lực lượng phát quang bờ bụi, nạo vét rãnh thoát nước, trồng "
            "hoa và cây xanh dọc các tuyến đường. Nhiều hộ gia đình tự nguyện hiến đất, tháo dỡ tường rào để mở rộng "
            "đường giao thông nông thôn.",
            "Đồng chí Chủ tịch UBND xã cho biết, địa phương đặt mục tiêu mỗi thôn có ít nhất một tuyến đường hoa, các "
            "hộ gia đình thực hiện phân loại rác thải tại nguồn. Xã cũng tập trung cải tạo vườn tạp, phát triển mô "
            "hình trồng rau an toàn, cây ăn quả để nâng cao thu nhập cho người dân.",
            "Phong trào xây dựng nông thôn mới ở Thuận Lộc đang lan tỏa mạnh mẽ, trở thành việc làm thường xuyên của "
            "mỗi người dân. Diện mạo làng quê nhờ đó ngày càng khang trang, sạch đẹp.",
        ],
        "byline": "Thái Văn Lợi - UBND xã Thuận Lộc",
        "figure_caption": "Người dân xã Thuận Lộc trồng hoa dọc tuyến đường liên thôn",
    },
    {
        "title": "Hồng Lĩnh tập trung gieo cấy vụ Xuân 2020 đúng khung lịch thời vụ",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2020, 1, 30, 10, 20),
        "summary": (
            "Ngay sau Tết Nguyên đán, nông dân các phường, xã đã khẩn trương ra đồng, phấn đấu hoàn thành gieo cấy "
            "lúa vụ Xuân trong khung lịch thời vụ tốt nhất."
        ),
        "paragraphs": [
            "Ngay sau Tết Nguyên đán, bà con nông dân các phường, xã trên địa bàn thị xã Hồng Lĩnh đã khẩn trương ra "
            "đồng gieo cấy lúa vụ Xuân 2020. Thời tiết thuận lợi cùng nguồn nước tưới bảo đảm giúp tiến độ sản xuất "
            "được đẩy nhanh.",
            "Theo Phòng Kinh tế thị xã, năm nay địa phương tiếp tục đưa các giống lúa năng suất, chất lượng vào sản "
            "xuất, mở rộng các vùng lúa tập trung, sử dụng máy cấy và máy gieo hạt. Các hợp tác xã dịch vụ nông nghiệp "
            "chủ động cung ứng giống, phân bón bảo đảm chất lượng, đúng thời điểm.",
            "Cán bộ khuyến nông được tăng cường xuống đồng ruộng hướng dẫn bà con kỹ thuật gieo cấy, bón phân cân "
            "đối, chăm sóc lúa giai đoạn đầu. Thị xã cũng khuyến cáo người dân không gieo cấy khi nhiệt độ xuống thấp "
            "để phòng mạ chết rét.",
            "Cùng với cây lúa, các địa phương có diện tích đất màu như Thuận Lộc, Trung Lương tranh thủ trồng lạc và "
            "rau màu các loại. Việc đa dạng hóa cây trồng giúp tăng hiệu quả trên một đơn vị diện tích.",
        ],
        "byline": "Phạm Quang Vinh - Phòng Kinh tế thị xã",
    },
    {
        "title": "Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2019, 11, 27, 14, 45),
        "summary": (
            "Nhiều giải pháp đồng bộ đã được phường Bắc Hồng triển khai nhằm xây dựng đô thị văn minh, tạo diện mạo "
            "mới cho các tuyến phố trung tâm thị xã."
        ),
        "paragraphs": [
            "Là phường trung tâm của thị xã, thời gian qua phường Bắc Hồng đã triển khai nhiều giải pháp đồng bộ trong "
            "xây dựng đô thị văn minh. Diện mạo các tuyến phố nhờ đó có nhiều đổi thay rõ rệt.",
            "Các tổ dân phố duy trì tốt việc ra quân tổng vệ sinh môi trường vào sáng thứ Bảy hằng tuần. Tình trạng "
            "lấn chiếm vỉa hè, lòng đường để buôn bán, họp chợ tự phát được chấn chỉnh; hệ thống biển hiệu, quảng cáo "
            "từng bước được sắp xếp gọn gàng.",
            "Nhiều tuyến phố được nhân dân đóng góp kinh phí lắp đặt điện chiếu sáng, trồng cây xanh, vẽ tranh tường. "
            "Các mô hình “Tuyến phố văn minh”, “Tổ dân phố không rác thải nhựa” được duy trì hiệu quả.",
            "Lãnh đạo UBND phường Bắc Hồng cho biết, thời gian tới phường sẽ tiếp tục vận động nhân dân thực hiện nếp "
            "sống văn minh đô thị. Phường phấn đấu để mỗi tổ dân phố là một khu dân cư kiểu mẫu, sáng - xanh - sạch - "
            "đẹp.",
        ],
        "byline": "Lê Thị Hoa - UBND phường Bắc Hồng",
    },
    {
        "title": "Kịp thời hỗ trợ người dân gặp khó khăn do đại dịch COVID-19",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2020, 5, 6, 9, 35),
        "summary": (
            "Việc rà soát, chi trả hỗ trợ được các phường, xã thực hiện công khai, minh bạch, đúng đối tượng và bảo "
            "đảm yêu cầu phòng, chống dịch."
        ),
        "paragraphs": [
            "Thực hiện Nghị quyết 42/NQ-CP của Chính phủ về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch "
            "COVID-19, thị xã Hồng Lĩnh đã chỉ đạo các phường, xã khẩn trương rà soát, lập danh sách đối tượng. Mục "
            "tiêu là đưa chính sách đến với người dân nhanh nhất, không để sót đối tượng.",
            "Việc rà soát được thực hiện công khai, minh bạch, có sự giám sát của Ủy ban MTTQ và các đoàn thể. Danh "
            "sách đối tượng được niêm yết tại nhà văn hóa các tổ dân phố, thôn xóm để nhân dân theo dõi, góp ý.",
            "Tại các điểm chi trả, lực lượng chức năng bố trí khu vực giãn cách, nước rửa tay sát khuẩn, bảo đảm yêu "
            "cầu phòng dịch. Người có công với cách mạng, người hưởng trợ cấp xã hội, hộ nghèo, hộ cận nghèo được "
            "nhận tiền hỗ trợ trong đợt đầu.",
            "Bên cạnh nguồn hỗ trợ của Nhà nước, nhiều tổ chức, cá nhân, doanh nghiệp trên địa bàn đã chung tay ủng hộ "
            "gạo, nhu yếu phẩm cho người lao động mất việc làm. Những việc làm ấy thể hiện tinh thần “lá lành đùm lá "
            "rách” của người dân Hồng Lĩnh.",
        ],
        "byline": "Võ Thị Minh Nguyệt - Phòng Lao động - TB&XH thị xã",
    },
    {
        "title": "Nâng cao chất lượng giải quyết thủ tục hành chính tại Bộ phận một cửa",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2020, 6, 3, 15, 10),
        "summary": (
            "Bộ phận tiếp nhận và trả kết quả thị xã có nhiều đổi mới, tạo thuận lợi cho người dân, doanh nghiệp khi "
            "giải quyết thủ tục hành chính."
        ),
        "paragraphs": [
            "Thời gian qua, Bộ phận tiếp nhận và trả kết quả thị xã Hồng Lĩnh đã có nhiều đổi mới trong phục vụ người "
            "dân, doanh nghiệp. Cơ sở vật chất được đầu tư, bố trí hợp lý, có hệ thống xếp hàng tự động, máy tra cứu "
            "thông tin và khu vực chờ thoáng mát.",
            "Các thủ tục hành chính được niêm yết công khai, đầy đủ. Cán bộ, công chức làm việc tại bộ phận một cửa "
            "được lựa chọn kỹ, có chuyên môn, tinh thần trách nhiệm và thái độ giao tiếp văn minh, niềm nở.",
            "Trong thời gian thực hiện giãn cách xã hội, thị xã khuyến khích người dân nộp hồ sơ qua dịch vụ công "
            "trực tuyến và nhận kết quả qua dịch vụ bưu chính công ích. Đây là bước tiến quan trọng, giúp người dân "
            "tiết kiệm thời gian, chi phí đi lại.",
            "Thị xã cũng đặt hòm thư góp ý và lấy ý kiến đánh giá mức độ hài lòng của người dân sau mỗi lần giao dịch. "
            "Qua đó, những biểu hiện gây phiền hà, sách nhiễu được kịp thời chấn chỉnh.",
        ],
        "byline": "Ngô Thị Thanh Hương - Văn phòng HĐND-UBND thị xã",
    },
    {
        "title": "Học sinh Hồng Lĩnh trở lại trường sau thời gian nghỉ phòng dịch",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2020, 5, 11, 7, 30),
        "summary": (
            "Các trường học trên địa bàn đã chuẩn bị chu đáo cơ sở vật chất, thực hiện nghiêm các biện pháp phòng "
            "dịch khi đón học sinh trở lại."
        ),
        "paragraphs": [
            "Sau thời gian dài tạm nghỉ để phòng, chống dịch COVID-19, học sinh các cấp trên địa bàn thị xã Hồng Lĩnh "
            "đã quay trở lại trường học tập. Không khí tại các trường rộn ràng, phấn khởi.",
            "Trước ngày đón học sinh, các nhà trường đã tổng vệ sinh, phun khử khuẩn toàn bộ phòng học, bàn ghế và "
            "khu vực công cộng. Mỗi lớp học được trang bị nước rửa tay; học sinh đeo khẩu trang và được đo thân nhiệt "
            "trước khi vào lớp.",
            "Trong thời gian nghỉ, giáo viên đã duy trì dạy học qua truyền hình và trực tuyến giúp học sinh ôn tập "
            "kiến thức. Nay các trường tiếp tục điều chỉnh kế hoạch dạy học theo hướng dẫn của ngành, tập trung vào "
            "nội dung cốt lõi. Học sinh lớp 9 và lớp 12 được đặc biệt quan tâm để chuẩn bị cho các kỳ thi.",
            "Phòng Giáo dục và Đào tạo thị xã yêu cầu các trường không để học sinh bị quá tải. Các trường phối hợp với "
            "trạm y tế phường, xã theo dõi sức khỏe học sinh, sẵn sàng phương án xử lý khi có trường hợp nghi ngờ.",
        ],
        "byline": "Đinh Thị Mai - Phòng GD&ĐT thị xã",
        "figure_caption": "Học sinh rửa tay sát khuẩn trước khi vào lớp",
    },
    {
        "title": "Chủ động triển khai công tác phòng, chống thiên tai năm 2020",
        "category": "kinh-te-xa-hoi",
        "published_at": datetime(2020, 5, 22, 14, 0),
        "summary": (
            "Thị xã yêu cầu các phường, xã kiện toàn ban chỉ huy, xây dựng phương án ứng phó theo phương châm “bốn "
            "tại chỗ”, sẵn sàng bảo vệ tính mạng và tài sản của nhân dân trong mùa mưa bão."
        ),
        "paragraphs": [
            "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn thị xã Hồng Lĩnh vừa tổ chức hội nghị tổng kết "
            "công tác năm 2019, triển khai nhiệm vụ năm 2020. Hội nghị có sự tham dự của các thành viên ban chỉ huy và "
            "lãnh đạo các phường, xã.",
            "Rút kinh nghiệm từ những đợt mưa lớn gây ngập úng cục bộ những năm trước, thị xã yêu cầu các phường, xã "
            "xây dựng phương án ứng phó theo phương châm “bốn tại chỗ”. Những khu vực thấp trũng, ven sông, chân núi "
            "có nguy cơ sạt lở được rà soát kỹ, có kế hoạch di dời dân khi cần thiết.",
            "Các hợp tác xã được chỉ đạo tu sửa, nạo vét hệ thống kênh mương, cống tiêu, chuẩn bị sẵn vật tư, phương "
            "tiện. Lực lượng quân sự, công an, đoàn thanh niên sẵn sàng tham gia cứu hộ, cứu nạn, hỗ trợ nhân dân "
            "khắc phục hậu quả.",
            "Đồng chí Phó Chủ tịch UBND thị xã đề nghị các đơn vị tuyệt đối không chủ quan, tổ chức trực ban nghiêm "
            "túc trong mùa mưa bão. Thông tin phải được cập nhật kịp thời, chính xác để nhân dân chủ động phòng tránh.",
        ],
        "byline": "Phạm Quang Vinh - Phòng Kinh tế thị xã",
    },
    # ------------------------------------------------------------------ Văn hóa - Thể thao
    {
        "title": "Sôi nổi giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019",
        "category": "van-hoa-the-thao",
        "published_at": datetime(2019, 10, 27, 17, 30),
        "summary": (
            "Giải đấu thu hút các đội bóng đến từ 6 phường, xã và nhiều cơ quan, đơn vị, tạo sân chơi lành mạnh cho "
            "thanh niên thị xã."
        ),
        "paragraphs": [
            "Chiều nay, trận chung kết giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019 đã diễn ra tại sân vận động "
            "trung tâm. Đông đảo người hâm mộ đã có mặt từ sớm để cổ vũ cho đội bóng quê mình.",
            "Giải đấu do Thị đoàn phối hợp với Trung tâm Văn hóa - Thể thao thị xã tổ chức, thu hút các đội bóng đến "
            "từ 6 phường, xã và một số cơ quan, đơn vị trên địa bàn. Trải qua nhiều vòng đấu, các cầu thủ đã thi đấu "
            "với tinh thần cao thượng, cống hiến nhiều trận cầu hấp dẫn.",
            "Trận chung kết giữa đội phường Nam Hồng và đội phường Trung Lương diễn ra kịch tính. Sau hai hiệp thi đấu "
            "chính thức hòa nhau, đội Nam Hồng giành chiến thắng trong loạt sút luân lưu để lên ngôi vô địch.",
            "Ban tổ chức đã trao cúp, cờ và giải thưởng cho các đội đạt giải, cùng các giải cá nhân như cầu thủ xuất "
            "sắc nhất, thủ môn xuất sắc nhất, vua phá lưới. Giải đấu góp phần đẩy mạnh phong trào thể dục thể thao "
            "trong thanh niên.",
        ],
        "byline": "Trần Văn Nam - Trung tâm VH-TT thị xã",
        "figure_caption": "Đội bóng phường Nam Hồng nhận cúp vô địch",
    },
    {
        "title": "Câu lạc bộ dân ca ví, giặm phường Trung Lương: nơi giữ lửa làn điệu quê hương",
        "category": "van-hoa-the-thao",
        "published_at": datetime(2019, 12, 5, 20, 15),
        "summary": (
            "Từ niềm đam mê chung với dân ca ví, giặm Nghệ Tĩnh, những thành viên câu lạc bộ đã góp phần gìn giữ và "
            "lan tỏa di sản quý báu của quê hương."
        ),
        "paragraphs": [
            "Mỗi tối thứ Năm, nhà văn hóa tổ dân phố lại rộn rã tiếng hát của các thành viên câu lạc bộ dân ca ví, "
            "giặm phường Trung Lương. Người lớn tuổi nhất đã ngoài bảy mươi, người trẻ nhất mới là học sinh trung học "
            "cơ sở.",
            "Câu lạc bộ được thành lập từ niềm đam mê chung với những làn điệu ví, giặm Nghệ Tĩnh - di sản văn hóa "
            "phi vật thể đại diện của nhân loại được UNESCO ghi danh năm 2014. Các thành viên cùng nhau sưu tầm lời "
            "cổ, đặt lời mới ca ngợi quê hương và những đổi thay của thị xã.",
            "Không chỉ sinh hoạt định kỳ, câu lạc bộ còn tham gia biểu diễn trong các dịp lễ, Tết, các hội thi, liên "
            "hoan văn nghệ quần chúng. Đặc biệt, các nghệ nhân còn về các trường học để truyền dạy dân ca cho học "
            "sinh.",
            "Theo chủ nhiệm câu lạc bộ, điều đáng mừng nhất là ngày càng có nhiều bạn trẻ yêu thích dân ca. Câu lạc "
            "bộ mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ để làn điệu ví, giặm mãi vang lên trên quê hương "
            "Hồng Lĩnh.",
        ],
        "byline": "Nguyễn Thị Phương - Trung tâm VH-TT thị xã",
    },
    {
        "title": "Ngày hội Đại đoàn kết toàn dân tộc ấm áp ở các khu dân cư",
        "category": "van-hoa-the-thao",
        "published_at": datetime(2019, 11, 18, 19, 40),
        "summary": (
            "Các khu dân cư trên địa bàn thị xã đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc với nhiều hoạt "
            "động văn hóa, văn nghệ, thể thao sôi nổi."
        ),
        "paragraphs": [
            "Hướng tới kỷ niệm 89 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam (18/11/1930 - 18/11/2019), "
            "các khu dân cư trên địa bàn thị xã Hồng Lĩnh đã đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc. "
            "Ngày hội thu hút đông đảo người dân thuộc mọi lứa tuổi tham gia.",
            "Ngày hội gồm phần lễ và phần hội. Tại phần lễ, các đại biểu cùng ôn lại truyền thống vẻ vang của Mặt "
            "trận, đánh giá kết quả cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” và biểu "
            "dương các gia đình văn hóa tiêu biểu.",
            "Phần hội diễn ra sôi nổi với các tiết mục văn nghệ do chính người dân biểu diễn, các trò chơi dân gian "
            "như kéo co, nhảy bao bố, đập niêu. Nhiều khu dân cư tổ chức bữa cơm đoàn kết, thắt chặt thêm tình làng "
            "nghĩa xóm.",
            "Dịp này, Ủy ban MTTQ các phường, xã đã trao nhà Đại đoàn kết và tặng quà cho hộ nghèo. Qua đó, tinh thần "
            "tương thân tương ái tiếp tục được lan tỏa trong cộng đồng.",
        ],
        "byline": "Lê Văn Sơn - Ủy ban MTTQ thị xã",
    },
    {
        "title": "Chương trình nghệ thuật mừng Đảng, mừng Xuân Canh Tý 2020",
        "category": "van-hoa-the-thao",
        "published_at": datetime(2020, 1, 22, 21, 5),
        "summary": (
            "Nhiều tiết mục ca, múa, nhạc đặc sắc ca ngợi Đảng, Bác Hồ và quê hương Hồng Lĩnh đã mang đến không khí "
            "vui tươi cho người dân trong những ngày giáp Tết."
        ),
        "paragraphs": [
            "Tối 22/1, tại sân khấu ngoài trời của Trung tâm Văn hóa - Thể thao thị xã, chương trình nghệ thuật mừng "
            "Đảng, mừng Xuân Canh Tý 2020 đã diễn ra trang trọng. Đông đảo người dân và du khách đã đến thưởng thức, "
            "cổ vũ.",
            "Chương trình gồm nhiều tiết mục ca, múa, nhạc đặc sắc do các diễn viên quần chúng, câu lạc bộ văn nghệ "
            "của các phường, xã biểu diễn. Các tiết mục ca ngợi Đảng, Bác Hồ kính yêu, ca ngợi quê hương Hồng Lĩnh với "
            "dãy núi Hồng Lĩnh 99 ngọn và dòng sông Lam hiền hòa.",
            "Xen giữa các tiết mục là những làn điệu ví, giặm mượt mà, sâu lắng. Khán giả như được sống trong không "
            "khí ấm áp, đầm ấm của những ngày cuối năm.",
            "Chương trình là hoạt động thiết thực chào mừng 90 năm Ngày thành lập Đảng Cộng sản Việt Nam. Hoạt động "
            "cũng góp phần tạo không khí vui tươi, phấn khởi trong nhân dân khi đón Tết cổ truyền của dân tộc.",
        ],
        "byline": "Nguyễn Thị Phương - Trung tâm VH-TT thị xã",
        "figure_caption": "Tiết mục múa mở màn chương trình nghệ thuật mừng Xuân",
    },
    {
        "title": "Hưởng ứng Ngày Sách Việt Nam bằng hình thức trực tuyến",
        "category": "van-hoa-the-thao",
        "published_at": datetime(2020, 4, 21, 10, 0),
        "summary": (
            "Thư viện thị xã chuyển các hoạt động hưởng ứng Ngày Sách Việt Nam sang hình thức trực tuyến, vừa phát "
            "triển văn hóa đọc vừa bảo đảm yêu cầu phòng dịch."
        ),
        "paragraphs": [
            "Hưởng ứng Ngày Sách Việt Nam 21/4 năm 2020, Thư viện thị xã Hồng Lĩnh đã chuyển sang tổ chức các hoạt "
            "động trên nền tảng trực tuyến. Cách làm này bảo đảm yêu cầu phòng, chống dịch COVID-19 mà vẫn đưa sách "
            "đến gần bạn đọc.",
            "Thông qua trang thông tin điện tử và mạng xã hội, thư viện giới thiệu nhiều đầu sách hay về Chủ tịch Hồ "
            "Chí Minh, về lịch sử, văn hóa quê hương Hà Tĩnh cũng như sách kỹ năng sống dành cho thiếu nhi. Bạn đọc "
            "có thể tra cứu, đọc sách điện tử miễn phí tại nhà.",
            "Thư viện cũng phát động cuộc thi viết cảm nhận về cuốn sách em yêu thích dành cho học sinh trên địa bàn. "
            "Bài dự thi được gửi qua thư điện tử và sẽ được ban tổ chức chấm, trao giải khi dịch bệnh được kiểm soát.",
            "Các hoạt động nhằm khơi dậy phong trào đọc sách trong cộng đồng, đặc biệt trong thời gian học sinh nghỉ "
            "học ở nhà. Qua đó, góp phần xây dựng xã hội học tập ngay từ mỗi gia đình.",
        ],
        "byline": "Trương Thị Ngọc Ánh - Thư viện thị xã",
    },
    # ------------------------------------------------------------------ Quốc phòng - An ninh
    {
        "title": "Hồng Lĩnh tổ chức khám sức khỏe nghĩa vụ quân sự năm 2020",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2019, 12, 3, 9, 40),
        "summary": (
            "Công tác khám tuyển được thực hiện chặt chẽ, đúng quy trình, công khai, dân chủ, là cơ sở để lựa chọn "
            "những thanh niên đủ tiêu chuẩn nhập ngũ."
        ),
        "paragraphs": [
            "Hội đồng nghĩa vụ quân sự thị xã Hồng Lĩnh vừa tổ chức khám sức khỏe cho các công dân trong diện gọi nhập "
            "ngũ năm 2020. Buổi khám được tổ chức tại Trung tâm Y tế thị xã.",
            "Công tác khám tuyển được thực hiện chặt chẽ, đúng quy trình, công khai, dân chủ. Các công dân được kiểm "
            "tra thể lực, khám lâm sàng, cận lâm sàng và xét nghiệm theo quy định. Hội đồng khám bố trí đầy đủ y, bác "
            "sĩ có chuyên môn và trang thiết bị cần thiết.",
            "Để bảo đảm chất lượng, thị xã thực hiện xét nghiệm phát hiện chất ma túy cho tất cả các công dân. Kết quả "
            "khám được niêm yết công khai tại trụ sở UBND các phường, xã.",
            "Đồng chí Chỉ huy trưởng Ban Chỉ huy Quân sự thị xã cho biết, các công dân đều có mặt đúng thời gian, phấn "
            "khởi tham gia. Đây là cơ sở để thị xã lựa chọn những thanh niên đủ tiêu chuẩn, sẵn sàng lên đường nhập "
            "ngũ.",
        ],
        "byline": "Nguyễn Đình Khoa - Ban CHQS thị xã",
    },
    {
        "title": "Gặp mặt kỷ niệm 75 năm Ngày thành lập Quân đội nhân dân Việt Nam",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2019, 12, 20, 16, 0),
        "summary": (
            "Buổi gặp mặt ôn lại truyền thống anh hùng của Quân đội nhân dân Việt Nam và biểu dương những đóng góp "
            "của lực lượng vũ trang thị xã."
        ),
        "paragraphs": [
            "Chiều 20/12, Thị ủy, HĐND, UBND, Ủy ban MTTQ thị xã Hồng Lĩnh tổ chức gặp mặt kỷ niệm 75 năm Ngày thành "
            "lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2019) và 30 năm Ngày hội Quốc phòng toàn dân "
            "(22/12/1989 - 22/12/2019). Tham dự có đại diện các thế hệ cựu chiến binh, cán bộ, chiến sĩ lực lượng vũ "
            "trang thị xã.",
            "Tại buổi gặp mặt, các đại biểu đã cùng ôn lại truyền thống anh hùng của Quân đội nhân dân Việt Nam. Trong "
            "các cuộc kháng chiến, mảnh đất Hồng Lĩnh nằm trên tuyến giao thông chiến lược Bắc - Nam; lớp lớp thanh "
            "niên quê hương đã lên đường chiến đấu, góp phần vào thắng lợi chung của dân tộc.",
            "Phát biểu tại buổi gặp mặt, đồng chí Bí thư Thị ủy đánh giá cao những đóng góp của lực lượng vũ trang thị "
            "xã trong xây dựng nền quốc phòng toàn dân, tham gia phòng, chống thiên tai và phát triển kinh tế - xã "
            "hội. Đồng chí đề nghị lực lượng vũ trang tiếp tục phát huy truyền thống, nâng cao chất lượng huấn luyện, "
            "sẵn sàng chiến đấu.",
            "Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc trong công tác quốc phòng, quân sự địa phương được "
            "khen thưởng. Buổi gặp mặt diễn ra trong không khí ấm cúng, thân tình.",
        ],
        "byline": "Nguyễn Đình Khoa - Ban CHQS thị xã",
    },
    {
        "title": "Tân binh Hồng Lĩnh phấn khởi lên đường nhập ngũ",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2020, 2, 13, 7, 15),
        "summary": (
            "Lễ giao nhận quân năm 2020 của thị xã diễn ra trang trọng, gọn nhẹ; các tân binh đều có sức khỏe, trình "
            "độ học vấn tốt và quyết tâm hoàn thành nhiệm vụ."
        ),
        "paragraphs": [
            "Sáng nay, thị xã Hồng Lĩnh tổ chức lễ giao nhận quân năm 2020. Buổi lễ diễn ra trang trọng, gọn nhẹ, bảo "
            "đảm các yêu cầu về phòng, chống dịch bệnh.",
            "Các tân binh năm nay đều có sức khỏe tốt, trình độ học vấn khá, nhiều em đã tốt nghiệp cao đẳng, đại học. "
            "Trước khi lên đường, các tân binh đã được gia đình, địa phương tổ chức gặp mặt, động viên, tặng quà.",
            "Thay mặt các tân binh, một thanh niên phường Đức Thuận bày tỏ niềm vinh dự, tự hào khi được khoác lên "
            "mình màu xanh áo lính. Em hứa sẽ ra sức học tập, rèn luyện, hoàn thành tốt mọi nhiệm vụ được giao, không "
            "phụ lòng gia đình và quê hương.",
            "Đồng chí Chủ tịch UBND thị xã, Chủ tịch Hội đồng nghĩa vụ quân sự đề nghị đơn vị nhận quân tiếp tục quan "
            "tâm, giúp đỡ các tân binh sớm thích nghi với môi trường quân ngũ. Các phường, xã cũng được yêu cầu quan "
            "tâm, hỗ trợ gia đình có con em lên đường nhập ngũ.",
        ],
        "byline": "Hồ Sỹ Toàn - Ban CHQS thị xã",
        "figure_caption": "Các tân binh tại lễ giao nhận quân năm 2020",
    },
    {
        "title": "Công an thị xã ra quân bảo đảm an ninh trật tự dịp Tết Nguyên đán",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2020, 1, 10, 8, 0),
        "summary": (
            "Lực lượng công an tăng cường tuần tra, kiểm soát, tấn công trấn áp các loại tội phạm, giữ vững an ninh "
            "trật tự để nhân dân vui Xuân, đón Tết an toàn."
        ),
        "paragraphs": [
            "Công an thị xã Hồng Lĩnh vừa tổ chức lễ ra quân cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh trật "
            "tự dịp Tết Nguyên đán Canh Tý 2020. Tham dự lễ ra quân có toàn thể cán bộ, chiến sĩ công an thị xã và "
            "công an các phường, xã.",
            "Trong đợt cao điểm, lực lượng công an tập trung nắm chắc tình hình, đấu tranh với các loại tội phạm hình "
            "sự, ma túy, cờ bạc, buôn bán và tàng trữ pháo nổ. Công tác tuần tra, kiểm soát được tăng cường vào ban "
            "đêm và tại các khu vực đông người như chợ, bến xe, trung tâm thương mại.",
            "Lực lượng cảnh sát giao thông bố trí thường trực trên tuyến Quốc lộ 1A và các trục đường chính của thị "
            "xã. Các hành vi vi phạm như điều khiển phương tiện khi đã uống rượu bia, chạy quá tốc độ, chở quá số người "
            "quy định sẽ bị xử lý kiên quyết theo Nghị định 100/2019/NĐ-CP của Chính phủ.",
            "Công an thị xã đề nghị người dân nâng cao cảnh giác, tích cực tham gia phong trào toàn dân bảo vệ an ninh "
            "Tổ quốc. Mọi thông tin về tội phạm cần được cung cấp kịp thời cho lực lượng chức năng để xử lý.",
        ],
        "byline": "Đỗ Quang Huy - Công an thị xã",
    },
    {
        "title": "Ra quân huấn luyện dân quân tự vệ năm 2020",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2020, 3, 10, 7, 30),
        "summary": (
            "Việc huấn luyện được tổ chức theo phương châm “cơ bản, thiết thực, vững chắc”, kết hợp chặt chẽ với các "
            "biện pháp phòng, chống dịch COVID-19."
        ),
        "paragraphs": [
            "Ban Chỉ huy Quân sự thị xã Hồng Lĩnh vừa tổ chức lễ ra quân huấn luyện năm 2020 cho lực lượng dân quân tự "
            "vệ và dự bị động viên. Buổi lễ được tổ chức gọn nhẹ, bảo đảm an toàn.",
            "Năm nay, nội dung huấn luyện tập trung vào chính trị, điều lệnh, kỹ thuật, chiến thuật bộ binh và phòng, "
            "chống thiên tai, tìm kiếm cứu nạn. Việc huấn luyện được thực hiện theo phương châm “cơ bản, thiết thực, "
            "vững chắc”, sát với nhiệm vụ và địa bàn.",
            "Do dịch COVID-19 diễn biến phức tạp, Ban Chỉ huy Quân sự thị xã chỉ đạo các đơn vị bố trí thời gian, địa "
            "điểm hợp lý, không tập trung quá đông người. Các biện pháp phòng dịch được duy trì trong suốt quá trình "
            "huấn luyện.",
            "Lực lượng dân quân các phường, xã còn được giao nhiệm vụ tham gia trực tại các khu cách ly tập trung, phối "
            "hợp tuyên truyền phòng dịch cho nhân dân. Qua đó, lực lượng này tiếp tục khẳng định vai trò nòng cốt ở cơ "
            "sở.",
        ],
        "byline": "Hồ Sỹ Toàn - Ban CHQS thị xã",
    },
    {
        "title": "Tăng cường bảo đảm trật tự an toàn giao thông trên Quốc lộ 1A",
        "category": "quoc-phong-an-ninh",
        "published_at": datetime(2020, 6, 22, 14, 50),
        "summary": (
            "Nhiều giải pháp đồng bộ đã được triển khai nhằm kiềm chế tai nạn giao thông trên đoạn Quốc lộ 1A qua địa "
            "bàn thị xã Hồng Lĩnh."
        ),
        "paragraphs": [
            "Đoạn Quốc lộ 1A qua địa bàn thị xã Hồng Lĩnh có mật độ phương tiện lưu thông lớn, nhiều điểm giao cắt với "
            "đường dân sinh. Đây là nơi tiềm ẩn nguy cơ xảy ra tai nạn giao thông.",
            "Thời gian gần đây, Công an thị xã đã tăng cường tuần tra, kiểm soát, tập trung xử lý các lỗi vi phạm là "
            "nguyên nhân trực tiếp gây tai nạn. Lực lượng chức năng cũng phối hợp với chính quyền các phường giải tỏa "
            "hành lang an toàn giao thông, xử lý tình trạng họp chợ, buôn bán lấn chiếm lòng đường.",
            "Công tác tuyên truyền được đổi mới, chú trọng đến học sinh và người điều khiển xe mô tô. Nhiều khu dân cư "
            "đã xây dựng mô hình “Tổ dân phố an toàn giao thông”, vận động người dân chấp hành nghiêm quy định khi "
            "tham gia giao thông.",
            "Nhờ triển khai đồng bộ các giải pháp, tình hình trật tự an toàn giao thông trên địa bàn có chuyển biến "
            "tích cực. Thị xã đề nghị mỗi người dân tự giác chấp hành pháp luật, vì sự an toàn của chính mình và cộng "
            "đồng.",
        ],
        "byline": "Đỗ Quang Huy - Công an thị xã",
    },
]

LINKS = [
    {"title": "Cổng thông tin điện tử Chính phủ", "url": "https://chinhphu.vn"},
    {"title": "Báo điện tử Chính phủ", "url": "https://baochinhphu.vn"},
    {"title": "Báo điện tử Đảng Cộng sản Việt Nam", "url": "https://dangcongsan.vn"},
    {"title": "Báo Nhân Dân", "url": "https://nhandan.vn"},
    {"title": "Tạp chí Cộng sản", "url": "https://www.tapchicongsan.org.vn"},
    {"title": "Tạp chí Tuyên giáo", "url": "https://tuyengiao.vn"},
    {"title": "Cổng thông tin điện tử Quốc hội", "url": "https://quochoi.vn"},
    {"title": "Báo Quân đội nhân dân", "url": "https://www.qdnd.vn"},
    {"title": "Cổng thông tin điện tử tỉnh Hà Tĩnh", "url": "https://hatinh.gov.vn"},
    {"title": "Báo Hà Tĩnh", "url": "https://baohatinh.vn"},
    {"title": "Cổng thông tin điện tử thị xã Hồng Lĩnh", "url": "https://honglinh.hatinh.gov.vn"},
]

SONGS = [
    {
        "title": "Hồng Lĩnh quê tôi",
        "composer": "Phan Đình Lộc",
        "performer": "Nguyễn Thu Hà",
        "melody": [
            ("D4", 1), ("F4", 0.5), ("G4", 0.5), ("A4", 1), ("C5", 1),
            ("A4", 0.5), ("G4", 0.5), ("F4", 1), ("G4", 2), ("R", 0.5),
            ("A4", 0.5), ("C5", 1), ("D5", 1), ("C5", 0.5), ("A4", 0.5),
            ("G4", 1), ("F4", 0.5), ("D4", 0.5), ("D4", 2),
        ],
    },
    {
        "title": "Về Hồng Lĩnh nghe hát ví giặm",
        "composer": "Trần Hữu Nghĩa",
        "performer": "Lê Minh Trang",
        "melody": [
            ("A4", 0.5), ("C5", 0.5), ("D5", 1), ("C5", 0.5), ("A4", 0.5),
            ("G4", 1), ("A4", 0.5), ("G4", 0.5), ("F4", 1), ("D4", 2),
            ("R", 0.5), ("F4", 0.5), ("G4", 1), ("A4", 1), ("C5", 0.5),
            ("A4", 0.5), ("G4", 1), ("F4", 0.5), ("G4", 0.5), ("D4", 2),
        ],
    },
    {
        "title": "Chín mươi chín ngọn Hồng Lĩnh",
        "composer": "Võ Văn Bình",
        "performer": "Đoàn Quang Huy",
        "melody": [
            ("C4", 0.5), ("D4", 0.5), ("E4", 1), ("G4", 1), ("A4", 1),
            ("G4", 0.5), ("E4", 0.5), ("G4", 2), ("A4", 0.5), ("C5", 0.5),
            ("D5", 1), ("C5", 1), ("A4", 0.5), ("G4", 0.5), ("E4", 1),
            ("D4", 0.5), ("E4", 0.5), ("C4", 2),
        ],
    },
]

SITE = {
    "name": "Thị ủy Hồng Lĩnh",
    "tagline": "Trang thông tin điện tử Đảng bộ thị xã Hồng Lĩnh",
    "address": "Đường Nguyễn Du, phường Bắc Hồng, thị xã Hồng Lĩnh, tỉnh Hà Tĩnh",
    "phone": "0239 3 836 125",
    "email": "thiuyhonglinh@hatinh.gov.vn",
    "footer": "Ghi rõ nguồn “Trang thông tin điện tử Đảng bộ thị xã Hồng Lĩnh” khi phát hành lại thông tin từ website này.",
    "owner": "Ban Thường vụ Thị ủy Hồng Lĩnh",
    "licence": "Giấy phép số 00/GP-TTĐT (số mẫu của dữ liệu mẫu)",
    "responsible": "Trưởng Ban Tuyên giáo Thị ủy",
}
