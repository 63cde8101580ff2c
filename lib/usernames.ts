// Login names of the seeded accounts (documented in README): ASCII, short, one per
// real unit and per leader. Units are named by the pinyin initials of the gazette's
// short name; towns by the town's pinyin; clashes resolved by hand below.

export const ADMIN_USERNAME = "admin";
export const SUPERVISOR_USERNAME = "duchashi";
export const MAYOR_USERNAME = "mayor";
export const MAYOR = { name: "马慧", title: "市长" } as const;

export const LEADER_USERNAMES: Readonly<Record<string, string>> = {
  杨盛: "yangsheng",
  李亚江: "liyajiang",
  向恩泽: "xiangenze",
  吴艳平: "wuyanping",
  曹陶: "caotao",
  吴侃: "wukan",
  付文勇: "fuwenyong",
  李岳星: "liyuexing",
  [MAYOR.name]: MAYOR_USERNAME,
};

export const UNIT_USERNAMES: Readonly<Record<string, string>> = {
  发改局: "fgj",
  财政局: "czj",
  税务局: "swj",
  工信局: "gxj",
  高新区管委会: "gxq",
  商务粮食局: "swlsj",
  农业农村局: "nyncj",
  新市街道办: "xinshi",
  飞地园事务中心: "fdy",
  弼时镇政府: "bishi",
  科技局: "kjj",
  重大能源项目建设指挥部: "zdny",
  抽水蓄能指挥部: "csxn",
  火电协调办: "hdxtb",
  川山坪镇政府: "chuanshanping",
  白水镇政府: "baishui",
  屈子祠镇政府: "quzici",
  桃林寺镇政府: "taolinsi",
  白塘镇政府: "baitang",
  交通运输局: "jtysj",
  水利局: "slj",
  国网汨罗供电公司: "gdgs",
  国资服务中心: "gzfw",
  自然资源局: "zrzyj",
  林业局: "lyj",
  供销联社: "gxls",
  楚之晟集团: "czsjt",
  邮政公司: "yzgs",
  贸促会: "mch",
  住建局: "zjj",
  城管局: "cgj",
  创建办: "cjb",
  文明实践中心: "wmsj",
  生态环境分局: "sthj",
  文旅广电局: "wlgdj",
  教体局: "jtj",
  文旅集团: "wljt",
  屈子文化园事务中心: "qzwhy",
  长乐镇政府: "changle",
  人社局: "rsj",
  卫健局: "wjj",
  医保局: "ybj",
  民政局: "mzj",
  妇联: "fl",
  人武部: "rwb",
  退役军人事务局: "tyjrj",
  "发改局（国动办）": "gdb",
  应急管理局: "yjglj",
  消防救援大队: "xfjy",
  应安委办: "yawb",
  公安局: "gaj",
  市场管理局: "scglj",
  交通顽瘴痼疾整治工作专班: "jtzb",
  交警大队: "jjdd",
  金融监管支局: "jrjg",
  政府办金融发展中心: "jrfz",
  政府办: "zfb",
  国安办: "gab",
  民宗局: "mzzj",
  市委网信办: "wxb",
  融媒体中心: "rmt",
  综治中心: "zzzx",
  信访局: "xfj",
  司法局: "sfj",
  审计局: "sjj",
  数据局: "shujuju",
  纪委监委: "jwjw",
  归义街道: "guiyi",
  // Units the 督办事项 (meeting minutes, “开局八好”) name that the programme tables do not.
  汨之源集团: "mzyjt",
  统计局: "tjj",
  市委宣传部: "xcb",
  公积金中心: "gjj",
  市委组织部: "zzb",
  科协: "kx",
  人民银行汨罗市支行: "rmyh",
  团市委: "tsw",
  工商联: "gsl",
  市委外事办: "wsb",
  气象局: "qxj",
  机关事务管理中心: "jgsw",
  机关事务服务中心: "jgswfw",
  市法院: "fy",
  汨罗农商行: "nsh",
  市委政法委: "zfw",
  市委统战部: "tzb",
  市委社工部: "sgb",
  市检察院: "jcy",
  烟草公司: "yc",
  总工会: "zgh",
  残联: "cl",
};

/** A unit's login name; units added later without a table entry get `unit<id>`. */
export function unitUsername(unit: { id: number; name: string }): string {
  return UNIT_USERNAMES[unit.name] ?? `unit${unit.id}`;
}

/** A leader's login name; leaders added later get `leader<id>`. */
export function leaderUsername(leader: { id: number; name: string }): string {
  return LEADER_USERNAMES[leader.name] ?? `leader${leader.id}`;
}

/** Allowed characters of any login name (also for accounts the admin creates). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
