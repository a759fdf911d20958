from generator.charts.text import clean, escape, lines_html, wrap


def test_escape_leaves_no_markup_characters():
    escaped = escape('<a href="x">&\\ ]"{}\'')
    assert not set(escaped) & set('<>"\\{}[]\'')
    assert escaped.count("&") == escaped.count(";")  # every & starts an entity


def test_clean_removes_controls_and_newlines():
    assert clean("a\nb\x00c\r\n d") == "a b c d"


def test_wrap_respects_width_and_keeps_every_character():
    text = "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容ABC def"
    lines = wrap(text, 20)
    assert all(sum(2 if ord(c) > 0x2e80 else 1 for c in line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_lines_html_prefix_is_escaped_too():
    assert "&#60;" in lines_html("<x>", prefix="a")


def test_lines_wrap_and_carry_size_and_weight():
    from generator.charts.text import BODY_SIZE, lines

    wrapped = lines("申请材料不齐全或者不符合法定形式的应当一次告知", 10, size=9, bold=True, prefix="依据：")
    assert len(wrapped) > 1 and all(line.size == 9 and line.bold for line in wrapped)
    assert "".join(line.text for line in wrapped) == "依据：申请材料不齐全或者不符合法定形式的应当一次告知"
    assert lines("办结")[0].size == BODY_SIZE and lines("") == ()


def test_urls_and_addresses_break_only_after_a_slash():
    url = "https://www.qinghe.example.gov.cn/jwjw/xinfang/index.html"
    lines = wrap(f"· 县纪委监委：网址 {url}；邮箱 jubao@qinghe.example.gov.cn", 36)
    assert "".join(lines).replace(" ", "") == f"·县纪委监委：网址{url}；邮箱jubao@qinghe.example.gov.cn"
    for before, after in zip(lines, lines[1:]):  # where a line ends inside ASCII text, it ends at a slash
        if before[-1].isascii() and before[-1] not in " ；" and after[0].isalnum() and after[0].isascii():
            assert before.endswith("/"), lines
    assert any(line.endswith("https://www.qinghe.example.gov.cn/") for line in lines), lines
    assert "jubao@qinghe.example.gov.cn" in lines


def test_a_run_of_letters_still_wraps():
    assert max(len(line) for line in wrap("x" * 200, 36)) <= 60


def test_closing_punctuation_never_starts_a_line_and_opening_never_ends_one():
    from generator.charts.text import NO_LINE_END, NO_LINE_START

    # at width 20 these break right before "》", "；" and "（" without the rule
    cases = ["依据：《中华人民共和国行政处罚法》第五十六条", "12345 政务服务便民热线：电话 12345；网址 x",
             "法定时限：自收到申请之日起七（工作日）内"]
    for text in cases:
        lines = wrap(text, 20)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert len(lines) > 1, lines
        assert not any(line[0] in NO_LINE_START for line in lines[1:]), lines
        assert not any(line[-1] in NO_LINE_END for line in lines[:-1]), lines
    assert wrap(cases[0], 32) == ["依据：《中华人民共和国行政处罚法》", "第五十六条"]  # the mark hangs past 32
    assert wrap(cases[1], 36) == ["12345 政务服务便民热线：电话 12345；", "网址 x"]
    assert wrap("一二三四五六七八（九十）", 18) == ["一二三四五六七八", "（九十）"]  # the opening mark moves down
    assert wrap("（（（（（（（（（（一", 6) == ["（（（", "（（（", "（（（", "（一"]  # nothing but openers: no carrying
