//! A notice's body: sections, articles, tasks and citations written as clerks write them.

use super::*;

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

pub(crate) struct Body<'a> {
    pub(crate) rng: &'a mut Rng,
    pub(crate) corpus: &'a Corpus,
    pub(crate) me: &'a Notice,
    pub(crate) leader: &'static str,
    pub(crate) last_org: &'static str,
    pub(crate) out: String,
    pub(crate) cites_left: usize,
    pub(crate) target: usize,
    pub(crate) md_headings: bool,
    pub(crate) title: &'a str,
    /// Templates used lately (indexes into PLAIN, then CITING), not to be repeated soon.
    pub(crate) recent: [usize; 8],
    pub(crate) recent_pos: usize,
    pub(crate) article_label: usize,
}

impl<'a> Body<'a> {
    pub(crate) fn new(rng: &'a mut Rng, corpus: &'a Corpus, me: usize, title: &'a str) -> Self {
        let me = &corpus.notices[me];
        let leader = *rng.pick(me.issuer().leaders);
        let cites_left = rng.range(5, 15);
        let target = rng.range(5_800, 12_500);
        let md_headings = rng.chance(45);
        Body {
            rng,
            corpus,
            me,
            leader,
            last_org: "",
            out: String::with_capacity(16 * 1024),
            cites_left,
            target,
            md_headings,
            title,
            recent: [usize::MAX; 8],
            recent_pos: 0,
            article_label: 0,
        }
    }

    /// Whether another block fits, keeping space for the closing and the citations
    /// still to write.
    pub(crate) fn room(&self) -> bool {
        self.out.len() + 600 + 150 * self.cites_left < self.target
    }

    pub(crate) fn push_block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(block);
    }

    // --- template slots -----------------------------------------------------

    pub(crate) fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 96);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(after.len());
            let value = self.slot(&after[..close]);
            out.push_str(&value);
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    pub(crate) fn org(&mut self) -> &'static str {
        loop {
            let o = *self.rng.pick(ORGS);
            if o != self.last_org {
                self.last_org = o;
                return o;
            }
        }
    }

    pub(crate) fn slot(&mut self, name: &str) -> String {
        let d = self.me.date;
        match name {
            "org" | "org2" => self.org().to_string(),
            "topic" => {
                let t = if self.rng.chance(70) { self.me.topic } else { self.rng.below(TOPICS.len()) };
                TOPICS[t].0.to_string()
            }
            "leader" => self.leader.to_string(),
            "scope" => scope_of(self.me.issuer()).to_string(),
            "year" => d.y.to_string(),
            "prev_year" => (d.y - 1).to_string(),
            "fyear" => (d.y + self.rng.range(2, 6) as i32).to_string(),
            "period" => period_of(d),
            "pct" => vn_pct(self.rng, 82, 99),
            "pct2" => vn_pct(self.rng, 1, 12),
            "small_pct" => vn_pct(self.rng, 1, 9),
            "small_pct2" => vn_pct(self.rng, 20, 60),
            "n" => self.rng.range(12, 180).to_string(),
            "small" => self.rng.range(2, 9).to_string(),
            "big" => vn_int(self.rng.range(1_200, 48_000)),
            "day_before" => d.add_days(-(self.rng.range(2, 40) as i64)).short(),
            "deadline" => self.deadline(),
            "goal" => self.rng.pick(GOALS).to_string(),
            "cite" => self.cite(),
            "cites" => self.cite_list(),
            other => unreachable!("unknown template slot {other}"),
        }
    }

    pub(crate) fn deadline(&mut self) -> String {
        let d = self.me.date.add_days(self.rng.range(20, 120) as i64);
        match self.rng.below(3) {
            0 => format!("trước ngày {}", d.short()),
            1 => format!("trước {}", d.long()),
            _ => format!("trong quý {} năm {}", roman(((d.m - 1) / 3 + 1) as usize), d.y),
        }
    }

    // --- citations ------------------------------------------------------------

    /// A notice written before this one, other than one sharing its key.
    pub(crate) fn internal_target(&mut self) -> Option<usize> {
        let c = self.corpus;
        if c.written == 0 {
            return None;
        }
        let own = &c.by_issuer[self.me.issuer];
        let t = match self.rng.below(100) {
            0..=34 if !own.is_empty() => self.rng.recent(own, 2.5),
            35..=69 if !c.landmarks.is_empty() => self.rng.recent(&c.landmarks, 1.6),
            _ => {
                let u = self.rng.unit().powi(2);
                c.written - 1 - ((u * c.written as f64) as usize).min(c.written - 1)
            }
        };
        (c.notices[t].key != self.me.key).then_some(t)
    }

    pub(crate) fn date_suffix(&mut self, d: Date) -> String {
        match self.rng.below(100) {
            0..=54 => format!(", ngày {}", d.short()),
            55..=69 => format!(", ngày {}", d.padded()),
            70..=84 => format!(" ngày {}", d.short()),
            _ => format!(", {}", d.long()),
        }
    }

    pub(crate) fn cite(&mut self) -> String {
        self.cites_left = self.cites_left.saturating_sub(1);
        self.cite_one(true)
    }

    pub(crate) fn cite_one(&mut self, tail: bool) -> String {
        // About one citation in ten names a document outside the archive.
        let internal = if self.rng.chance(10) { None } else { self.internal_target() };
        match internal {
            Some(t) => self.cite_internal(t, tail, false),
            None => self.cite_external(tail),
        }
    }

    /// Renders a citation of notice `t`; `formal` forces "Type số N" with a tail.
    pub(crate) fn cite_internal(&mut self, t: usize, tail: bool, formal: bool) -> String {
        let n = &self.corpus.notices[t];
        let needs_date = !self.corpus.is_latest(t);
        let pad = n.seq < 10 && self.rng.chance(60);
        let number = n.number_as(pad);
        let r = if formal { 30 } else { self.rng.below(100) };
        if r < 5 {
            let at = if needs_date || self.rng.chance(70) { format!("@{}", n.date.y) } else { String::new() };
            return format!("[{} số {number}](notice:{number}{at})", n.kind.name());
        }
        let with_date = needs_date || formal || self.rng.chance(50);
        let mut s = match r {
            5..=59 => format!("{} số {number}", n.kind.name()),
            60..=79 => format!("{} {number}", n.kind.name()),
            _ if !with_date => number,
            _ => format!("{} số {number}", n.kind.name()),
        };
        if with_date {
            s.push_str(&self.date_suffix(n.date));
        }
        let bare = !s.contains(' ');
        if tail && !bare {
            let who = *self.rng.pick(n.issuer().cite_as);
            match self.rng.below(100) {
                0..=49 => {
                    let _ = write!(s, " của {who} về {}", TOPICS[n.topic].0);
                }
                50..=69 => {
                    let _ = write!(s, " của {who}");
                }
                _ => {}
            }
        }
        s
    }

    pub(crate) fn cite_external(&mut self, tail: bool) -> String {
        let now = self.me.date;
        if self.rng.chance(20) {
            return self.cite_old_local();
        }
        let usable = EXTERNAL.partition_point(|e| e.2 <= now).max(1);
        let (word, number, d, body, about) = EXTERNAL[self.rng.below(usable)];
        let mut s =
            if self.rng.chance(80) { format!("{word} số {number}") } else { format!("{word} {number}") };
        if self.rng.chance(65) {
            s.push_str(&self.date_suffix(d));
        }
        if tail && self.rng.chance(70) {
            let _ = write!(s, " của {body} về {about}");
        }
        s
    }

    /// A document of a local issuer from before the archive starts.
    pub(crate) fn cite_old_local(&mut self) -> String {
        let kinds = [NghiQuyet, ChiThi, KetLuan, KeHoach, ChuongTrinh, DeAn];
        let kind = *self.rng.pick(&kinds);
        let d = date(
            self.rng.range(2011, 2014) as i32,
            self.rng.range(1, 12) as u32,
            self.rng.range(1, 28) as u32,
        );
        let mut seq = self.rng.range(1, 60);
        if format!("{seq}-{}/TU", kind.code()).to_uppercase() == self.me.key {
            seq += 1; // never the citing notice's own number
        }
        format!(
            "{} số {seq:02}-{}/TU{} của Ban Thường vụ Tỉnh ủy",
            kind.name(),
            kind.code(),
            self.date_suffix(d)
        )
    }

    /// "Nghị quyết số X, Đề án số Y, ngày d/m/yyyy": two or three citations.
    pub(crate) fn cite_list(&mut self) -> String {
        let k = if self.cites_left >= 3 && self.rng.chance(40) { 3 } else { 2 };
        self.cites_left = self.cites_left.saturating_sub(k);
        let mut parts: Vec<String> = Vec::with_capacity(k);
        while parts.len() < k {
            let last = parts.len() + 1 == k;
            let item = match self.internal_target() {
                Some(t) if !self.rng.chance(10) => self.cite_internal(t, last, false),
                _ => self.cite_external(last),
            };
            if !item.starts_with('[') {
                parts.push(item);
            }
        }
        let last = parts.pop().unwrap_or_default();
        let sep = if self.rng.chance(30) { " và " } else { ", " };
        format!("{}{sep}{last}", parts.join(", "))
    }

    // --- prose ----------------------------------------------------------------

    /// A template of `pool` accepted by `ok`, avoiding the ones used lately.
    pub(crate) fn fresh(
        &mut self,
        pool: &'static [&'static str],
        offset: usize,
        ok: impl Fn(&str) -> bool,
    ) -> &'static str {
        let mut tries = 0;
        loop {
            let i = self.rng.below(pool.len());
            tries += 1;
            if ok(pool[i]) && (tries > 12 || !self.recent.contains(&(offset + i))) {
                self.recent[self.recent_pos] = offset + i;
                self.recent_pos = (self.recent_pos + 1) % self.recent.len();
                return pool[i];
            }
        }
    }

    pub(crate) fn citing_template(&mut self, allowed: usize) -> &'static str {
        self.fresh(CITING, PLAIN.len(), |t| cite_slots(t) <= allowed)
    }

    pub(crate) fn sentence(&mut self) -> String {
        let remaining = self.target.saturating_sub(self.out.len()) / 230 + 1;
        let t = if self.cites_left > 0 && self.rng.below(remaining) < self.cites_left {
            self.citing_template(self.cites_left.max(1))
        } else {
            self.fresh(PLAIN, 0, |_| true)
        };
        self.fill(t)
    }

    pub(crate) fn sentences(&mut self, lo: usize, hi: usize) -> String {
        let k = self.rng.range(lo, hi);
        (0..k).map(|_| self.sentence()).collect::<Vec<_>>().join(" ")
    }

    pub(crate) fn paragraph(&mut self) {
        let p = self.sentences(2, 5);
        self.push_block(&p);
    }

    pub(crate) fn bullets(&mut self) {
        let k = self.rng.range(3, 6);
        let mut block = String::new();
        for i in 0..k {
            let task = *self.rng.pick(TASKS);
            let text = self.fill(task);
            let end = if i + 1 == k { "." } else { ";" };
            let _ = writeln!(block, "- {text}{end}");
        }
        block.pop();
        self.push_block(&block);
    }

    pub(crate) fn when(&mut self) -> String {
        let y = self.me.date.y;
        match self.rng.below(4) {
            0 => "Thường xuyên".to_string(),
            1 => format!("Quý {}/{y}", roman(self.rng.range(2, 4))),
            2 => format!("Tháng {}/{y}", self.rng.range(6, 12)),
            _ => format!("Năm {}", y + 1),
        }
    }

    pub(crate) fn task_table(&mut self) {
        let mut t = String::from(
            "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n\
             | :-: | --- | --- | --- | --- |",
        );
        for i in 1..=self.rng.range(4, 8) {
            let task = *self.rng.pick(TASKS);
            let task = self.fill(task);
            let (a, b) = (self.org(), self.org());
            let when = self.when();
            let _ = write!(t, "\n| {i} | {task} | {a} | {b} | {when} |");
        }
        self.push_block(&t);
    }

    pub(crate) fn stats_table(&mut self) {
        let y = self.me.date.y;
        let mut t = format!(
            "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm {y} | Thực hiện | Tỷ lệ (%) |\n\
             | :-: | --- | :-: | --: | --: | --: |"
        );
        let k = self.rng.range(4, 8);
        let start = self.rng.below(STATS.len());
        for i in 0..k {
            let (label, unit) = STATS[(start + i) % STATS.len()];
            let plan = if unit == "%" { self.rng.range(5, 98) } else { self.rng.range(12, 9_000) };
            let done = plan * self.rng.range(80, 115) / 100;
            let ratio = done as f64 * 100.0 / plan.max(1) as f64;
            let ratio = format!("{ratio:.1}").replace('.', ",");
            let _ = write!(
                t,
                "\n| {} | {label} | {unit} | {} | {} | {ratio} |",
                i + 1,
                vn_int(plan),
                vn_int(done)
            );
        }
        self.push_block(&t);
    }

    pub(crate) fn heading(&mut self, number: &str, title: &str) {
        let line =
            if self.md_headings { format!("## {number}. {title}") } else { format!("**{number}. {title}**") };
        self.push_block(&line);
    }

    // --- layouts ----------------------------------------------------------------

    pub(crate) fn relation_sentence(&mut self, rel: &Relation) -> String {
        self.cites_left = self.cites_left.saturating_sub(1);
        let cited = self.cite_internal(rel.target, true, true);
        let kind = self.me.kind.lower();
        match rel.kind {
            RelKind::Implements => {
                format!("Thực hiện {cited}, {} xây dựng {kind} triển khai như sau.", self.me.issuer().name)
            }
            RelKind::BasedOn => format!("Căn cứ {cited}, xét tình hình thực tế của địa phương, đơn vị."),
            RelKind::Amends => {
                format!("Sửa đổi, bổ sung một số nội dung của {cited} cho phù hợp với tình hình thực tế.")
            }
            RelKind::Replaces => format!("{} này thay thế {cited} kể từ ngày ký.", self.me.kind.name()),
        }
    }

    pub(crate) fn intro(&mut self, rel: Option<&Relation>) {
        let mut p = String::new();
        if let Some(r) = rel {
            p = self.relation_sentence(r);
            p.push(' ');
        }
        if matches!(self.me.kind, ThongBao | KetLuan) {
            let meeting = self.me.date.add_days(-(self.rng.range(1, 9) as i64));
            let org = self.org();
            let _ = write!(
                p,
                "Ngày {}, đồng chí {} chủ trì buổi làm việc với {org} về {}. ",
                meeting.short(),
                self.leader,
                TOPICS[self.me.topic].0
            );
            p.push_str(&self.sentences(1, 2));
            self.push_block(&p);
            let close = format!(
                "Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí {} kết luận như sau:",
                self.leader
            );
            self.push_block(&close);
        } else {
            let cite = self.cite();
            let _ = write!(
                p,
                "Thực hiện {cite}; căn cứ tình hình thực tế, {} ban hành {} với những nội dung sau. ",
                self.me.issuer().name,
                self.me.kind.lower()
            );
            p.push_str(&self.sentences(1, 3));
            self.push_block(&p);
        }
    }

    /// Sections "**1. Về …:** text", as in conclusions and notices.
    pub(crate) fn layout_conclusion(&mut self) {
        let mut k = 1;
        while self.room() {
            if self.md_headings && k == 3 {
                self.push_block("## Nhiệm vụ trọng tâm thời gian tới");
            }
            let label = *self.rng.pick(SUB_LABELS);
            let text = self.sentences(2, 4);
            self.push_block(&format!("**{k}. {label}:** {text}"));
            if self.rng.chance(30) {
                for j in 1..=self.rng.range(2, 3) {
                    let text = self.sentences(1, 3);
                    self.push_block(&format!("**{k}.{j}.** {text}"));
                }
            }
            if self.rng.chance(35) {
                self.bullets();
            }
            if self.rng.chance(50) {
                self.paragraph();
            }
            k += 1;
        }
    }

    /// Roman sections with numbered subsections, as in plans, resolutions, reports.
    pub(crate) fn layout_sections(&mut self, heads: &[&str], stats: bool) {
        let mut r = 0;
        let mut tabled = false;
        while self.room() {
            let title = heads.get(r).copied().unwrap_or_else(|| *self.rng.pick(EXTRA_HEADS));
            r += 1;
            self.heading(roman(r), title);
            if self.rng.chance(40) {
                self.paragraph();
            }
            for j in 1..=self.rng.range(1, 3) {
                if !self.room() {
                    break;
                }
                self.subsection(j);
            }
            if !tabled && self.rng.chance(30) {
                tabled = true;
                if stats {
                    self.stats_table();
                } else {
                    self.task_table();
                }
            }
        }
    }

    pub(crate) fn subsection(&mut self, j: usize) {
        let pool = if self.rng.chance(50) { PLAN_LABELS } else { SUB_LABELS };
        let label = *self.rng.pick(pool);
        if self.rng.chance(50) {
            let text = self.sentences(2, 4);
            self.push_block(&format!("**{j}. {label}:** {text}"));
        } else {
            self.push_block(&format!("**{j}. {label}**"));
            self.paragraph();
        }
        if self.rng.chance(25) {
            for m in 1..=self.rng.range(2, 3) {
                let text = self.sentences(1, 2);
                self.push_block(&format!("**{j}.{m}.** {text}"));
            }
        }
        if self.rng.chance(40) {
            self.bullets();
        }
    }

    /// Chapters and articles, as in regulations and documents attached to decisions.
    pub(crate) fn layout_articles(&mut self) {
        let mut article = 1;
        for (c, &title) in CHAPTERS.iter().enumerate() {
            if !self.room() {
                break;
            }
            let number = roman(c + 1);
            if self.md_headings {
                self.push_block(&format!("## Chương {number}. {title}"));
            } else {
                self.push_block(&format!("**Chương {number}**\n\n**{title}**"));
            }
            let last = c + 1 == CHAPTERS.len();
            let count = if c == 0 { self.rng.range(2, GENERAL_ARTICLES.len()) } else { self.rng.range(2, 5) };
            for k in 0.. {
                if !self.room() || (k == count && !last) {
                    break;
                }
                let label = self.article_label(c, k);
                self.article(article, &label);
                article += 1;
            }
        }
    }

    /// Label of the `k`-th article of chapter `c`.
    pub(crate) fn article_label(&mut self, c: usize, k: usize) -> String {
        let last = c + 1 == CHAPTERS.len();
        match c {
            0 => GENERAL_ARTICLES[k.min(GENERAL_ARTICLES.len() - 1)].to_string(),
            _ if last && k < FINAL_ARTICLES.len() => FINAL_ARTICLES[k].to_string(),
            _ if CHAPTERS[c].starts_with("TRÁCH NHIỆM") || last || self.article_label >= ARTICLES.len() => {
                format!("Trách nhiệm của {}", self.org())
            }
            _ => {
                self.article_label += 1;
                ARTICLES[self.article_label - 1].to_string()
            }
        }
    }

    pub(crate) fn article(&mut self, number: usize, label: &str) {
        self.push_block(&format!("**Điều {number}. {label}**"));
        let mut clauses = String::new();
        for k in 1..=self.rng.range(2, 4) {
            let text = self.sentences(1, 2);
            let _ = writeln!(clauses, "{k}. {text}");
            if self.rng.chance(20) {
                let points = self.rng.range(2, 3);
                for (i, letter) in ["a", "b", "c"].iter().enumerate().take(points) {
                    let text = self.sentence();
                    let end = if i + 1 == points { "." } else { ";" };
                    let text = text.trim_end_matches('.');
                    // Points are paragraphs of the clause, one per line as on paper.
                    let _ = writeln!(clauses, "\n   {letter}) {text}{end}");
                }
            }
        }
        clauses.pop();
        self.push_block(&clauses);
    }

    pub(crate) fn layout_decision(&mut self, rel: Option<&Relation>) {
        let issuer = self.me.issuer();
        let basis = if issuer.party {
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;".to_string()
        } else {
            "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;".to_string()
        };
        self.push_block(&basis);
        let mut replaces = String::new();
        if let Some(r) = rel {
            let s = self.relation_sentence(r);
            if r.kind == RelKind::Replaces {
                replaces = format!(" {s}");
            } else {
                self.push_block(&s);
            }
        }
        for _ in 0..self.rng.range(1, 3) {
            let c = self.cite();
            self.push_block(&format!("Căn cứ {c};"));
        }
        let org = self.org();
        self.push_block(&format!("Xét đề nghị của {org},"));
        self.push_block("**QUYẾT ĐỊNH:**");
        let topic = TOPICS[self.me.topic].0;
        let is_plan = ["Kế hoạch", "Đoàn kiểm tra", "chỉ tiêu"].iter().any(|w| self.title.contains(w));
        let attached = match (self.me.normative, is_plan) {
            (true, _) => "Quy định",
            (false, true) => "Kế hoạch",
            (false, false) => "Quy chế",
        };
        let action = capitalize(self.title.strip_prefix("Về việc ").unwrap_or(self.title));
        let art1 = if action.starts_with("Ban hành") {
            format!("**Điều 1.** Ban hành kèm theo Quyết định này {attached} về {topic}.")
        } else {
            format!("**Điều 1.** {action} (chi tiết tại {attached} ban hành kèm theo Quyết định này).")
        };
        self.push_block(&art1);
        self.push_block(&format!("**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.{replaces}"));
        let who = format!(
            "**Điều 3.** {}, {} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
            self.org(),
            self.org()
        );
        self.push_block(&who);
        let header = format!(
            "## {} VỀ {}\n\n*(Ban hành kèm theo Quyết định số {}, ngày {} của {})*",
            attached.to_uppercase(),
            topic.to_uppercase(),
            self.me.number,
            self.me.date.short(),
            issuer.name
        );
        self.push_block(&header);
        if is_plan && !self.me.normative {
            self.layout_sections(PLAN_HEADS, false);
        } else {
            self.layout_articles();
        }
    }

    pub(crate) fn closing(&mut self) {
        let mut extra = Vec::new();
        while self.cites_left > 0 {
            let t = self.citing_template(self.cites_left);
            extra.push(self.fill(t));
        }
        if !extra.is_empty() {
            let p = extra.join(" ");
            self.push_block(&p);
        }
        let issuer = self.me.issuer();
        let last = match self.me.kind {
            ThongBao => format!("{} thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện.", issuer.name),
            QuyetDinh | QuyDinh | QuyChe => "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh kịp thời để xem xét, sửa đổi, bổ sung cho phù hợp.".to_string(),
            BaoCao | ToTrinh => format!("Trên đây là {} của {}.", self.me.kind.lower(), issuer.name),
            _ => format!(
                "Trên đây là {} của {}, đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện.",
                self.me.kind.lower(),
                issuer.name
            ),
        };
        if self.rng.chance(3) {
            self.push_block(&format!("{last}[^1]"));
            self.push_block(
                "[^1]: Văn bản được gửi kèm bản điện tử qua hệ thống quản lý văn bản và điều hành.",
            );
        } else {
            self.push_block(&last);
        }
    }

    pub(crate) fn build(mut self, rel: Option<&Relation>) -> String {
        match self.me.kind {
            QuyetDinh => self.layout_decision(rel),
            QuyDinh | QuyChe => {
                self.intro(rel);
                self.layout_articles();
            }
            kind => {
                self.intro(rel);
                match kind {
                    ThongBao | KetLuan => self.layout_conclusion(),
                    BaoCao => self.layout_sections(REPORT_HEADS, true),
                    NghiQuyet => self.layout_sections(RESOLUTION_HEADS, false),
                    ChiThi => self.layout_sections(DIRECTIVE_HEADS, false),
                    DeAn => self.layout_sections(PROJECT_HEADS, false),
                    HuongDan => self.layout_sections(GUIDE_HEADS, false),
                    ToTrinh => self.layout_sections(SUBMISSION_HEADS, true),
                    _ => self.layout_sections(PLAN_HEADS, false),
                }
            }
        }
        self.closing();
        self.out.push('\n');
        self.out
    }
}

pub(crate) const REPORT_HEADS: &[&str] = &[
    "ĐẶC ĐIỂM TÌNH HÌNH",
    "KẾT QUẢ THỰC HIỆN",
    "HẠN CHẾ, NGUYÊN NHÂN",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "ĐỀ XUẤT, KIẾN NGHỊ",
];
pub(crate) const RESOLUTION_HEADS: &[&str] =
    &["TÌNH HÌNH VÀ NGUYÊN NHÂN", "QUAN ĐIỂM, MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"];
pub(crate) const DIRECTIVE_HEADS: &[&str] = &["TÌNH HÌNH", "NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN"];
pub(crate) const PROJECT_HEADS: &[&str] = &[
    "SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN",
    "THỰC TRẠNG",
    "MỤC TIÊU, CHỈ TIÊU",
    "NHIỆM VỤ, GIẢI PHÁP",
    "NGUỒN LỰC VÀ KINH PHÍ",
    "TỔ CHỨC THỰC HIỆN",
];
pub(crate) const GUIDE_HEADS: &[&str] = &["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN", "TỔ CHỨC THỰC HIỆN"];
pub(crate) const SUBMISSION_HEADS: &[&str] = &["SỰ CẦN THIẾT", "NỘI DUNG ĐỀ NGHỊ", "KIẾN NGHỊ"];
pub(crate) const PLAN_HEADS: &[&str] =
    &["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, NHIỆM VỤ", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"];
