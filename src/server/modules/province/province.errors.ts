/** Error codes of the province module (counties' rollups replicated to a province): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const PROVINCE_ERRORS = defineErrors({
  province_needs_postgresql: {
    status: 400,
    zh: '省级汇聚需要 PostgreSQL：本安装运行在内置的 PGlite 上（请把 DATABASE_URL 设为 PostgreSQL 15 数据库）',
    en: 'The province view needs PostgreSQL: this installation runs on embedded PGlite (set DATABASE_URL to a PostgreSQL 15 database)',
  },
  province_wal_level: {
    status: 400,
    zh: '发布汇总需要 wal_level = logical（当前为 {level}）：在 postgresql.conf 中设置 wal_level = logical 并重启 PostgreSQL',
    en: 'Publishing the rollups needs wal_level = logical (it is {level}): set wal_level = logical in postgresql.conf and restart PostgreSQL',
  },
  province_county_invalid: {
    status: 400,
    zh: '--name 须是本库区划树中的县级代码（6 位，如 421081）：{name}',
    en: 'The county (--name) must be a county-level code (6 digits, e.g. 421081) in this installation’s division tree: {name}',
  },
  province_conninfo_invalid: {
    status: 400,
    zh: '--from 须是 libpq 连接串（postgresql://用户@主机:端口/库 或 host=… port=… dbname=… user=…）：{reason}',
    en: 'The county database (--from) must be a libpq connection string (postgresql://user@host:port/db or host=… port=… dbname=… user=…): {reason}',
  },
  province_publisher_invalid: {
    status: 400,
    zh: '{name} 的数据库不能订阅：{reason}',
    en: 'The database of {name} cannot be subscribed to: {reason}',
  },
  province_subscription_exists: {
    status: 409,
    zh: '已订阅 {name}：如需重新订阅，先运行 province unsubscribe --name {name}',
    en: 'Already subscribed to {name}: run province unsubscribe --name {name} first to subscribe again',
  },
  province_rows_present: {
    status: 409,
    zh: '本库已有 {name} 的汇总行（{rows} 行），初始复制会冲突：先运行 province unsubscribe --name {name} 清除',
    en: 'This database already holds {rows} rollup row(s) of {name}; the initial copy would clash: run province unsubscribe --name {name} to clear them',
  },
  province_subscription_missing: {
    status: 404,
    zh: '没有 {name} 的订阅',
    en: 'No subscription for {name}',
  },
});

type ProvinceErrors = typeof PROVINCE_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends ProvinceErrors {}
}
