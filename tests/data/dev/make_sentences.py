#!/usr/bin/env python3
"""Writes sentences.jsonl: the development sentences, written for this set
(no corpus text), with their facts located by surface.

Run from the repository root: python3 tests/data/dev/make_sentences.py
Each fact names its surface (`"abc#2"`: the second occurrence); the script
turns it into a byte span of the sentence as stored. NFD sentences are stored
decomposed (as \\u escapes); legacy ones carry their bytes (`bytes_hex`),
made by glibc iconv / GNU recode (never by vietfacts), and their `text` is
what a byte-faithful decoder gives back (iconv / recode the other way, or
Python's codec for Windows-1258, whose tone marks stay combining): the
spans point into it.
"""
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("sentences.jsonl")


def F(kind, surface, **fields):
    return {"kind": kind, "surface": surface, **{k: v for k, v in fields.items() if v is not None}}


def pct(s, v, rel=None, q=None, subj=None, ref=None, end=None):
    return F("percentage", s, value=v, end=end, relation=rel, qualifier=q, subject=subj, reference=ref)


def money(s, v, cur="VND", q=None, end=None):
    return F("money", s, value=v, end=end, currency=cur, qualifier=q)


def date(s, **kw):
    return F("date", s, **kw)


def cnt(s, v, unit, q=None, end=None):
    return F("count", s, value=v, end=end, unit=unit, qualifier=q)


def award(s, c=None, i=None, h=None, honor=None, by=None, reason=None):
    return F("award", s, collectives=c, individuals=i, households=h, honor=honor, conferred_by=by, reason=reason)


def proj(s, cat, ct, name):
    return F("project", s, category=cat, category_text=ct, name=name)


def place(s, level, name):
    return F("place", s, level=level, name=name)


def org(s, cat, name=None, exp=None):
    return F("organization", s, category=cat, name=name or s.split("#")[0], expanded=exp)


def title(s, value=None, cat=None):
    return F("title", s, value=value or s.split("#")[0].strip("“”\""), category=cat)


def event(s, name, ordinal=None):
    return F("event", s, name=name, ordinal=ordinal)


S = []


def sent(text, facts, note=None, form=None, encoding=None):
    S.append((text, facts, note, form, encoding))


# ---------------------------------------------------------------- awards
sent("Tại hội nghị, 7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen.", [
    award("7 tập thể và 19 cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng đã được Đảng bộ xã tặng Giấy khen",
          c=7, i=19, honor="Giấy khen", by="Đảng bộ xã", reason="có thành tích xuất sắc trong công tác xây dựng Đảng"),
    cnt("7 tập thể", 7, "tập thể"), cnt("19 cá nhân", 19, "cá nhân"),
    org("Đảng bộ xã", "party"),
])
sent("Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể và 35 cá nhân có thành tích xuất sắc trong phong trào xây dựng nông thôn mới.", [
    org("UBND tỉnh", "government", exp="Ủy ban nhân dân tỉnh"),
    award("tặng Bằng khen cho 12 tập thể và 35 cá nhân", c=12, i=35, honor="Bằng khen", by="Chủ tịch UBND tỉnh",
          reason="có thành tích xuất sắc trong phong trào xây dựng nông thôn mới"),
    cnt("12 tập thể", 12, "tập thể"), cnt("35 cá nhân", 35, "cá nhân"),
])
sent("Dịp này, mười hai tập thể và hai mươi lăm cá nhân được Ủy ban MTTQ huyện tặng Giấy khen.", [
    award("mười hai tập thể và hai mươi lăm cá nhân được Ủy ban MTTQ huyện tặng Giấy khen", c=12, i=25,
          honor="Giấy khen", by="Ủy ban MTTQ huyện"),
    cnt("mười hai tập thể", 12, "tập thể"), cnt("hai mươi lăm cá nhân", 25, "cá nhân"),
    org("Ủy ban MTTQ huyện", "front", exp="Ủy ban Mặt trận Tổ quốc huyện"),
])
sent("Thủ tướng Chính phủ tặng Bằng khen cho 3 tập thể, 5 cá nhân; Chủ tịch UBND tỉnh tặng Bằng khen cho 10 tập thể, 21 cá nhân và 4 hộ gia đình.", [
    org("Chính phủ", "government"),
    award("tặng Bằng khen cho 3 tập thể, 5 cá nhân", c=3, i=5, honor="Bằng khen", by="Thủ tướng Chính phủ"),
    cnt("3 tập thể", 3, "tập thể"), cnt("5 cá nhân", 5, "cá nhân"),
    org("UBND tỉnh", "government", exp="Ủy ban nhân dân tỉnh"),
    award("tặng Bằng khen cho 10 tập thể, 21 cá nhân và 4 hộ gia đình", c=10, i=21, h=4, honor="Bằng khen", by="Chủ tịch UBND tỉnh"),
    cnt("10 tập thể", 10, "tập thể"), cnt("21 cá nhân", 21, "cá nhân"), cnt("4 hộ gia đình", 4, "hộ gia đình"),
], note="two awards in one sentence, kept apart")
sent("Công ty Cổ phần Xi măng Bỉm Sơn vinh dự đón nhận Huân chương Lao động hạng Ba do Chủ tịch nước trao tặng.", [
    org("Công ty Cổ phần Xi măng Bỉm Sơn", "enterprise"),
    award("Công ty Cổ phần Xi măng Bỉm Sơn vinh dự đón nhận Huân chương Lao động hạng Ba", honor="Huân chương Lao động hạng Ba", by="Chủ tịch nước"),
])
sent("UBND huyện Bố Trạch đã khen thưởng 15 hộ gia đình tiêu biểu trong phát triển kinh tế.", [
    org("UBND huyện Bố Trạch", "government", exp="Ủy ban nhân dân huyện Bố Trạch"),
    place("huyện Bố Trạch", "district", "Bố Trạch"),
    award("khen thưởng 15 hộ gia đình", h=15, by="UBND huyện Bố Trạch", reason="tiêu biểu trong phát triển kinh tế"),
    cnt("15 hộ gia đình", 15, "hộ gia đình"),
])
sent("Năm 2023, Đảng bộ huyện được Tỉnh ủy tặng Cờ thi đua vì dẫn đầu phong trào thi đua của tỉnh.", [
    date("Năm 2023", year=2023),
    org("Đảng bộ huyện", "party"), org("Tỉnh ủy", "party"),
    award("Đảng bộ huyện được Tỉnh ủy tặng Cờ thi đua", honor="Cờ thi đua", by="Tỉnh ủy", reason="dẫn đầu phong trào thi đua của tỉnh"),
])
sent("Hội Nông dân tỉnh đã biểu dương và trao tặng Giấy khen cho bốn mươi hộ nông dân sản xuất, kinh doanh giỏi.", [
    org("Hội Nông dân tỉnh", "association"),
    award("biểu dương và trao tặng Giấy khen cho bốn mươi hộ nông dân", h=40, honor="Giấy khen", by="Hội Nông dân tỉnh",
          reason="sản xuất, kinh doanh giỏi"),
    cnt("bốn mươi hộ nông dân", 40, "hộ nông dân"),
])
sent("Năm học 2022 - 2023, 8 giáo viên được Giám đốc Sở GD&ĐT tặng Giấy khen và 2 giáo viên được Bộ trưởng Bộ GD&ĐT tặng Bằng khen.", [
    date("Năm học 2022 - 2023", year=2022, end={"year": 2023}),
    award("8 giáo viên được Giám đốc Sở GD&ĐT tặng Giấy khen", i=8, honor="Giấy khen", by="Giám đốc Sở GD&ĐT"),
    cnt("8 giáo viên", 8, "giáo viên"),
    org("Sở GD&ĐT", "government", exp="Sở Giáo dục và Đào tạo"),
    award("2 giáo viên được Bộ trưởng Bộ GD&ĐT tặng Bằng khen", i=2, honor="Bằng khen", by="Bộ trưởng Bộ GD&ĐT"),
    cnt("2 giáo viên", 2, "giáo viên"),
    org("Bộ GD&ĐT", "government", exp="Bộ Giáo dục và Đào tạo"),
])

# ---------------------------------------------------------------- projects
sent("Tỉnh đã hoàn thành giải phóng mặt bằng Dự án Hồ chứa nước Nặm Cắt trong quý III/2018.", [
    proj("Dự án Hồ chứa nước Nặm Cắt", "reservoir", "Hồ chứa nước", "Nặm Cắt"),
    date("quý III/2018", year=2018, quarter=3),
])
sent("Nhà máy Thủy điện Sông Bung 4 có công suất 156 MW, sản lượng điện bình quân 586 triệu kWh mỗi năm.", [
    proj("Nhà máy Thủy điện Sông Bung 4", "hydropower", "Nhà máy Thủy điện", "Sông Bung 4"),
    cnt("156 MW", 156, "MW"), cnt("586 triệu kWh", 586000000, "kWh"),
])
sent("Hệ thống thủy lợi Bắc Nam Hà được nâng cấp với tổng vốn 450 tỷ đồng.", [
    proj("Hệ thống thủy lợi Bắc Nam Hà", "irrigation", "Hệ thống thủy lợi", "Bắc Nam Hà"),
    money("450 tỷ đồng", 450000000000),
])
sent("Đường cao tốc Hạ Long – Vân Đồn dài 60 km đã thông xe ngày 1/2/2019.", [
    proj("Đường cao tốc Hạ Long – Vân Đồn", "road", "Đường cao tốc", "Hạ Long – Vân Đồn"),
    cnt("60 km", 60, "km"),
    date("ngày 1/2/2019", year=2019, month=2, day=1),
])
sent("Sau cầu Tân Thuận 2, thành phố sẽ xây thêm hai công trình cầu vượt tại nút giao này.", [
    proj("cầu Tân Thuận 2", "bridge", "cầu", "Tân Thuận 2"),
    cnt("hai công trình cầu vượt", 2, "công trình cầu vượt"),
], note="the two overpasses have no name: a count, not projects")
sent("Khu công nghiệp Yên Phong II đã thu hút 18 dự án đầu tư nước ngoài.", [
    proj("Khu công nghiệp Yên Phong II", "industrial_park", "Khu công nghiệp", "Yên Phong II"),
    cnt("18 dự án", 18, "dự án"),
])
sent("Khu đô thị Ecopark được khởi công năm 2009 tại huyện Văn Giang, tỉnh Hưng Yên.", [
    proj("Khu đô thị Ecopark", "urban_area", "Khu đô thị", "Ecopark"),
    date("năm 2009", year=2009),
    place("huyện Văn Giang", "district", "Văn Giang"), place("tỉnh Hưng Yên", "province", "Hưng Yên"),
])
sent("Trường THCS Trần Phú được xây mới với 24 phòng học, kinh phí 35 tỷ đồng.", [
    proj("Trường THCS Trần Phú", "school", "Trường THCS", "Trần Phú"),
    cnt("24 phòng học", 24, "phòng học"), money("35 tỷ đồng", 35000000000),
])
sent("Dự án xây dựng Bệnh viện Đa khoa Phố Nối có quy mô 300 giường bệnh.", [
    proj("Bệnh viện Đa khoa Phố Nối", "hospital", "Bệnh viện Đa khoa", "Phố Nối"),
    cnt("300 giường bệnh", 300, "giường bệnh"),
])
sent("Chợ Đông Ba được cải tạo với số vốn khoảng 80 tỷ đồng.", [
    proj("Chợ Đông Ba", "market", "Chợ", "Đông Ba"),
    money("khoảng 80 tỷ đồng", 80000000000, q="about"),
])
sent("Nhà máy nhiệt điện Vĩnh Tân 4 đã hòa lưới điện quốc gia từ tháng 12/2017.", [
    proj("Nhà máy nhiệt điện Vĩnh Tân 4", "plant", "Nhà máy nhiệt điện", "Vĩnh Tân 4"),
    date("tháng 12/2017", year=2017, month=12),
])
sent("Công ty cầu 12 là nhà thầu thi công dự án Cảng hàng không quốc tế Long Thành.", [
    org("Công ty cầu 12", "enterprise"),
    proj("dự án Cảng hàng không quốc tế Long Thành", "other", "Cảng hàng không quốc tế", "Long Thành"),
], note="Công ty cầu 12 is a company, not a bridge")
sent("Xã đã đầu tư xây dựng 3 công trình thủy lợi và 5 km đường giao thông nông thôn.", [
    cnt("3 công trình thủy lợi", 3, "công trình thủy lợi"), cnt("5 km", 5, "km"),
], note="unnamed works: counts, not projects")

# ---------------------------------------------------------------- places
sent("Đoàn công tác đã làm việc với UBND phường 3, quận 9, TP.HCM.", [
    org("UBND phường 3", "government", exp="Ủy ban nhân dân phường 3"),
    place("phường 3", "ward", "3"), place("quận 9", "urban_district", "9"), place("TP.HCM", "city", "Hồ Chí Minh"),
])
sent("Thôn Đông, bản Na Hang, ấp Tân Lập và tổ dân phố số 5 đều được công nhận đạt chuẩn văn hóa.", [
    place("Thôn Đông", "village", "Đông"), place("bản Na Hang", "village", "Na Hang"),
    place("ấp Tân Lập", "village", "Tân Lập"), place("tổ dân phố số 5", "village", "5"),
])
sent("Thị trấn Phong Điền và thị xã Hương Thủy thuộc tỉnh Thừa Thiên Huế.", [
    place("Thị trấn Phong Điền", "township", "Phong Điền"), place("thị xã Hương Thủy", "town", "Hương Thủy"),
    place("tỉnh Thừa Thiên Huế", "province", "Thừa Thiên Huế"),
])
sent("Huyện Điện Biên có 19 xã và 1 thị trấn.", [
    place("Huyện Điện Biên", "district", "Điện Biên"),
    cnt("19 xã", 19, "xã"), cnt("1 thị trấn", 1, "thị trấn"),
], note="'19 xã' is a count, not a place")
sent("Lễ ký kết giữa TP Hà Nội và thành phố Thủ Dầu Một diễn ra sáng 5/6 tại Q.Bình Thạnh.", [
    place("TP Hà Nội", "city", "Hà Nội"), place("thành phố Thủ Dầu Một", "city", "Thủ Dầu Một"),
    date("5/6", month=6, day=5), place("Q.Bình Thạnh", "urban_district", "Bình Thạnh"),
])
sent("Trụ sở công ty đặt tại số 12 Nguyễn Trãi, phường Bến Thành, quận 1.", [
    place("phường Bến Thành", "ward", "Bến Thành"), place("quận 1", "urban_district", "1"),
], note="a street address: no count, no date, no project")

# ---------------------------------------------------------------- organizations
sent("HĐND tỉnh khóa XVI đã thông qua nghị quyết do UBND tỉnh trình.", [
    org("HĐND tỉnh", "government", exp="Hội đồng nhân dân tỉnh"),
    org("UBND tỉnh", "government", exp="Ủy ban nhân dân tỉnh"),
], note="khóa XVI is a term of office, not an event")
sent("BTV Huyện ủy và BCH Đảng bộ huyện đã họp phiên thường kỳ.", [
    org("BTV Huyện ủy", "party", exp="Ban Thường vụ Huyện ủy"),
    org("BCH Đảng bộ huyện", "party", exp="Ban Chấp hành Đảng bộ huyện"),
])
sent("Ủy ban MTTQ Việt Nam tỉnh phối hợp với Hội LHPN tỉnh và Tỉnh đoàn tổ chức chương trình.", [
    org("Ủy ban MTTQ Việt Nam tỉnh", "front", exp="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    org("Hội LHPN tỉnh", "association", exp="Hội Liên hiệp Phụ nữ tỉnh"),
    org("Tỉnh đoàn", "association"),
])
sent("Sở KH&ĐT và Ngân hàng Nông nghiệp và Phát triển nông thôn (Agribank) đã ký kết thỏa thuận hợp tác.", [
    org("Sở KH&ĐT", "government", exp="Sở Kế hoạch và Đầu tư"),
    org("Ngân hàng Nông nghiệp và Phát triển nông thôn", "enterprise"),
])
sent("HTX Nông nghiệp Tân Tiến hiện có 350 thành viên.", [
    org("HTX Nông nghiệp Tân Tiến", "enterprise", exp="Hợp tác xã Nông nghiệp Tân Tiến"),
    cnt("350 thành viên", 350, "thành viên"),
])

# ---------------------------------------------------------------- titles
sent("Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” được triển khai sâu rộng.", [
    title("“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”", cat="campaign"),
])
sent("Có 70% số thôn đạt danh hiệu “Thôn văn hóa” và 25 cán bộ đạt danh hiệu \"Chiến sĩ thi đua cơ sở\".", [
    pct("70%", 70, subj="số thôn đạt danh hiệu “Thôn văn hóa”"),
    title("“Thôn văn hóa”", cat="honor_title"),
    cnt("25 cán bộ", 25, "cán bộ"),
    title("\"Chiến sĩ thi đua cơ sở\"", cat="honor_title"),
])
sent("Phong trào \"Ngày thứ Bảy tình nguyện\" thu hút hàng nghìn đoàn viên tham gia.", [
    title("\"Ngày thứ Bảy tình nguyện\"", cat="campaign"),
], note="hàng nghìn is no definite number")
sent("Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” là 90,73%.", [
    title("“Gia đình văn hóa”", cat="honor_title"),
    pct("90,73%", 90.73, rel="equals", subj="Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”"),
])

# ---------------------------------------------------------------- events
sent("Đại hội thể dục thể thao lần thứ hai của huyện được tổ chức thành công.", [
    event("Đại hội thể dục thể thao lần thứ hai", "Đại hội thể dục thể thao", ordinal=2),
])
sent("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 – 2025 diễn ra từ ngày 14 đến 16/10/2020.", [
    event("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX", "Đại hội đại biểu Đảng bộ tỉnh", ordinal=20),
    org("Đảng bộ tỉnh", "party"),
    date("2020 – 2025", year=2020, end={"year": 2025}),
    date("từ ngày 14 đến 16/10/2020", year=2020, month=10, day=14, end={"year": 2020, "month": 10, "day": 16}),
])
sent("Hội khỏe Phù Đổng lần thứ IX năm 2024 quy tụ hơn 1.500 vận động viên.", [
    event("Hội khỏe Phù Đổng lần thứ IX", "Hội khỏe Phù Đổng", ordinal=9),
    date("năm 2024", year=2024),
    cnt("hơn 1.500 vận động viên", 1500, "vận động viên", q="more_than"),
])
sent("Liên hoan Dân ca ví, giặm Nghệ Tĩnh lần thứ ba sẽ khai mạc vào tháng 9/2024 tại thành phố Vinh.", [
    event("Liên hoan Dân ca ví, giặm Nghệ Tĩnh lần thứ ba", "Liên hoan Dân ca ví, giặm Nghệ Tĩnh", ordinal=3),
    date("tháng 9/2024", year=2024, month=9),
    place("thành phố Vinh", "city", "Vinh"),
])

# ---------------------------------------------------------------- percentages
sent("Trồng rừng mới vượt 13,6% kế hoạch, thu ngân sách vượt 8% dự toán.", [
    pct("13,6%", 13.6, rel="exceeds", subj="Trồng rừng mới", ref="kế hoạch"),
    pct("8%", 8, rel="exceeds", subj="thu ngân sách", ref="dự toán"),
])
sent("Kim ngạch xuất khẩu 6 tháng đầu năm 2023 tăng khoảng 12% so với cùng kỳ năm trước.", [
    date("6 tháng đầu năm 2023", year=2023, month=1, end={"year": 2023, "month": 6}),
    pct("khoảng 12%", 12, rel="increases", q="about", subj="Kim ngạch xuất khẩu 6 tháng đầu năm 2023", ref="cùng kỳ năm trước"),
])
sent("Tỷ lệ hộ nghèo giảm còn 3,2%, thấp hơn 1,5 điểm phần trăm so với năm 2022.", [
    pct("3,2%", 3.2, rel="decreases", subj="Tỷ lệ hộ nghèo"),
    cnt("1,5 điểm phần trăm", 1.5, "điểm phần trăm"),
    date("năm 2022", year=2022),
], note="percentage points are a count, not a percentage")
sent("Nông nghiệp chiếm gần 40% cơ cấu kinh tế của huyện.", [
    pct("gần 40%", 40, rel="equals", q="nearly", subj="Nông nghiệp", ref="cơ cấu kinh tế của huyện"),
])
sent("Tốc độ tăng trưởng kinh tế đạt mười ba phẩy sáu phần trăm.", [
    pct("mười ba phẩy sáu phần trăm", 13.6, rel="reaches", subj="Tốc độ tăng trưởng kinh tế"),
])

sent("Mỗi tổ tự quản phải có ít nhất 3 người, tỷ lệ hộ nghèo tối đa 5%.", [
    cnt("ít nhất 3 người", 3, "người", q="at_least"),
    pct("tối đa 5%", 5, q="at_most", subj="tỷ lệ hộ nghèo"),
])

# ---------------------------------------------------------------- money
sent("Tổng vốn đầu tư là 1,2 tỷ đồng, trong đó ngân sách tỉnh hỗ trợ 500 triệu đồng và nhân dân đóng góp hơn 300 triệu đồng.", [
    money("1,2 tỷ đồng", 1200000000), money("500 triệu đồng", 500000000),
    money("hơn 300 triệu đồng", 300000000, q="more_than"),
])
sent("Dự án có tổng mức đầu tư 2,5 tỷ USD, tương đương khoảng 58 nghìn tỷ đồng.", [
    money("2,5 tỷ USD", 2500000000, cur="USD"),
    money("khoảng 58 nghìn tỷ đồng", 58000000000000, q="about"),
], note="an unnamed project: no project fact")
sent("Mỗi hộ được hỗ trợ năm mươi triệu đồng để xây nhà.", [
    money("năm mươi triệu đồng", 50000000),
])

# ---------------------------------------------------------------- dates
sent("Hội nghị khai mạc lúc 8h30 ngày 15/3/2018 tại hội trường UBND huyện.", [
    date("8h30 ngày 15/3/2018", year=2018, month=3, day=15, hour=8, minute=30),
    org("UBND huyện", "government", exp="Ủy ban nhân dân huyện"),
])
sent("Kế hoạch được thực hiện trong quý I/2024 và hoàn thành trước ngày 30 tháng 4 năm 2024.", [
    date("quý I/2024", year=2024, quarter=1),
    date("ngày 30 tháng 4 năm 2024", year=2024, month=4, day=30),
])
sent("Giai đoạn 2021–2025, tỉnh phấn đấu mỗi năm có thêm 10 xã đạt chuẩn nông thôn mới.", [
    date("2021–2025", year=2021, end={"year": 2025}),
    cnt("10 xã", 10, "xã"),
])
sent("Tháng 6/2017, huyện tổ chức tổng kết năm học 2016 - 2017.", [
    date("Tháng 6/2017", year=2017, month=6),
    date("năm học 2016 - 2017", year=2016, end={"year": 2017}),
])

# ---------------------------------------------------------------- NFD (stored decomposed)
sent("Năm 2017, Đảng bộ xã Dương Quang được Huyện ủy tặng Giấy khen vì hoàn thành xuất sắc nhiệm vụ.", [
    date("Năm 2017", year=2017),
    org("Đảng bộ xã Dương Quang", "party"), place("xã Dương Quang", "commune", "Dương Quang"),
    org("Huyện ủy", "party"),
    award("Đảng bộ xã Dương Quang được Huyện ủy tặng Giấy khen", honor="Giấy khen", by="Huyện ủy", reason="hoàn thành xuất sắc nhiệm vụ"),
], form="NFD")
sent("Thu ngân sách trên địa bàn huyện Hướng Hóa đạt 112% dự toán tỉnh giao.", [
    place("huyện Hướng Hóa", "district", "Hướng Hóa"),
    pct("112%", 112, rel="reaches", subj="Thu ngân sách trên địa bàn huyện Hướng Hóa", ref="dự toán tỉnh giao"),
], form="NFD")
sent("Cầu Rồng ở thành phố Đà Nẵng có tổng vốn đầu tư gần 1.500 tỷ đồng.", [
    proj("Cầu Rồng", "bridge", "Cầu", "Rồng"),
    place("thành phố Đà Nẵng", "city", "Đà Nẵng"),
    money("gần 1.500 tỷ đồng", 1500000000000, q="nearly"),
], form="NFD")
sent("Hội Cựu chiến binh xã tổ chức Đại hội lần thứ VIII vào ngày 20/5/2022.", [
    org("Hội Cựu chiến binh xã", "association"),
    event("Đại hội lần thứ VIII", "Đại hội", ordinal=8),
    date("ngày 20/5/2022", year=2022, month=5, day=20),
], form="NFD")
sent("Có 1.250 hộ gia đình ở thôn Thượng và thôn Hạ được hỗ trợ nước sạch.", [
    cnt("1.250 hộ gia đình", 1250, "hộ gia đình"),
    place("thôn Thượng", "village", "Thượng"), place("thôn Hạ", "village", "Hạ"),
], form="NFD")

# ---------------------------------------------------------------- legacy encodings (bytes by iconv / recode)
sent("Năm 2018, xã Quảng Phú có 95% hộ gia đình đạt danh hiệu gia đình văn hóa.", [
    date("Năm 2018", year=2018),
    place("xã Quảng Phú", "commune", "Quảng Phú"),
    pct("95%", 95, subj="hộ gia đình đạt danh hiệu gia đình văn hóa"),
], encoding="tcvn3")
sent("UBND tỉnh tặng Bằng khen cho 6 tập thể và 14 cá nhân.", [
    org("UBND tỉnh", "government", exp="Ủy ban nhân dân tỉnh"),
    award("tặng Bằng khen cho 6 tập thể và 14 cá nhân", c=6, i=14, honor="Bằng khen", by="UBND tỉnh"),
    cnt("6 tập thể", 6, "tập thể"), cnt("14 cá nhân", 14, "cá nhân"),
], encoding="vni")
sent("Dự án Hồ chứa nước Ea Súp có tổng vốn 1.100 tỷ đồng.", [
    proj("Dự án Hồ chứa nước Ea Súp", "reservoir", "Hồ chứa nước", "Ea Súp"),
    money("1.100 tỷ đồng", 1100000000000),
], encoding="cp1258")
sent("Thị trấn Cam Lộ tổ chức Đại hội thể dục thể thao lần thứ ba.", [
    place("Thị trấn Cam Lộ", "township", "Cam Lộ"),
    event("Đại hội thể dục thể thao lần thứ ba", "Đại hội thể dục thể thao", ordinal=3),
], encoding="viscii")


def locate_nfc(text, surface):
    """Like locate, for a text that may be decomposed: the occurrence whose
    NFC equals the surface's NFC."""
    want = unicodedata.normalize("NFC", surface)
    for i in range(len(text)):
        if unicodedata.combining(text[i]):
            continue
        for j in range(i + 1, len(text) + 1):
            if j < len(text) and unicodedata.combining(text[j]):
                continue
            got = unicodedata.normalize("NFC", text[i:j])
            if got == want:
                s = len(text[:i].encode())
                return [s, s + len(text[i:j].encode())]
            if len(got) > len(want):
                break
    sys.exit(f"not found: {surface!r} in {text!r}")


def locate(text, surface):
    occ = 1
    if "#" in surface and surface.rsplit("#", 1)[1].isdigit():
        surface, o = surface.rsplit("#", 1)
        occ = int(o)
        explicit = True
    else:
        explicit = False
    b, sb = text.encode(), surface.encode()
    hits, i = [], b.find(sb)
    while i != -1:
        hits.append(i)
        i = b.find(sb, i + 1)
    if len(hits) < occ:
        sys.exit(f"not found: {surface!r} in {text!r}")
    if len(hits) > 1 and not explicit:
        sys.exit(f"ambiguous: {surface!r} in {text!r}")
    return [hits[occ - 1], hits[occ - 1] + len(sb)]


BACK = {
    "tcvn3": ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
    "viscii": ["iconv", "-f", "VISCII", "-t", "UTF-8"],
    "vni": ["recode", "VNI..utf8"],
}

TOOLS = {
    "tcvn3": ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
    "viscii": ["iconv", "-f", "UTF-8", "-t", "VISCII"],
    "cp1258": ["iconv", "-f", "UTF-8", "-t", "CP1258"],
    "vni": ["recode", "utf8..VNI"],
}


def main():
    lines = []
    for text, facts, note, form, encoding in S:
        stored = unicodedata.normalize("NFD", text) if form == "NFD" else text
        raw = None
        if encoding:
            raw = subprocess.run(TOOLS[encoding], input=text.encode(), capture_output=True, check=True).stdout
            # The text a byte-faithful decoder gives back (Windows-1258 keeps
            # its combining tone marks): spans point into it.
            if encoding == "cp1258":
                # Byte by byte (Python's codec): iconv would compose the marks.
                stored = raw.decode("cp1258")
            else:
                stored = subprocess.run(BACK[encoding], input=raw, capture_output=True, check=True).stdout.decode()
            assert unicodedata.normalize("NFC", stored) == text, (encoding, stored)
        out = []
        for f in facts:
            f = dict(f)
            surface = f.pop("surface")
            if form == "NFD":
                s = surface.split("#")
                surface = unicodedata.normalize("NFD", s[0]) + ("#" + s[1] if len(s) > 1 else "")
            kind = f.pop("kind")
            span = locate_nfc(stored, surface) if encoding else locate(stored, surface)
            out.append({"kind": kind, "span": span, **f})
        out.sort(key=lambda d: (d["span"][0], -d["span"][1], d["kind"]))
        line = {"text": stored}
        if form:
            line["form"] = form
        if encoding:
            line["encoding"] = encoding
            line["bytes_hex"] = raw.hex()
        line["facts"] = out
        if note:
            line["note"] = note
        decomposed = any(unicodedata.combining(c) for c in stored)
        lines.append(json.dumps(line, ensure_ascii=decomposed))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} sentences -> {OUT}")


if __name__ == "__main__":
    main()
