import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Divisions, type Place } from '../../src/calendar/divisions.js';

const div = Divisions.zhejiang();
const ZJ = '浙江省';

describe('Divisions.findPlace', () => {
  it('loads once', () => {
    expect(Divisions.zhejiang()).toBe(div);
  });

  it.each<[string, Place | null]>([
    ['浙江', { province: ZJ }],
    ['浙江省', { province: ZJ }],
    ['浙江大学', { province: ZJ }],
    ['杭州', { province: ZJ, city: '杭州市' }],
    ['杭州市', { province: ZJ, city: '杭州市' }],
    ['浙江省杭州市西湖区', { province: ZJ, city: '杭州市', county: '西湖区' }],
    ['西湖区', { province: ZJ, city: '杭州市', county: '西湖区' }],
    ['西湖', { province: ZJ, city: '杭州市', county: '西湖区' }],
    ['浙江西湖', { province: ZJ, city: '杭州市', county: '西湖区' }], // not 江西
    ['义乌', { province: ZJ, city: '金华市', county: '义乌市' }],
    ['义乌市某某有限公司', { province: ZJ, city: '金华市', county: '义乌市' }],
    ['建德市', { province: ZJ, city: '杭州市', county: '建德市' }],
    ['景宁畲族自治县', { province: ZJ, city: '丽水市', county: '景宁畲族自治县' }],
    ['景宁', { province: ZJ, city: '丽水市', county: '景宁畲族自治县' }],
    ['普陀', { province: ZJ, city: '舟山市', county: '普陀区' }],
    ['舟山市普陀区', { province: ZJ, city: '舟山市', county: '普陀区' }],
    ['宁波 江北', { province: ZJ, city: '宁波市', county: '江北区' }],
    ['温州市龙港市', { province: ZJ, city: '温州市', county: '龙港市' }],
    ['台州市路桥区', { province: ZJ, city: '台州市', county: '路桥区' }],
    ['杭州市宁海县', { province: ZJ, city: '杭州市' }], // county of another city: not attached
    ['ＨＡＮＧＺＨＯＵ杭州', { province: ZJ, city: '杭州市' }],
    ['上海市普陀区', { province: '上海市' }],
    ['上海普陀', { province: '上海市' }],
    ['普陀区（上海）', { province: '上海市' }], // explicit province wins over a Zhejiang county
    ['江苏', { province: '江苏省' }],
    ['江苏省南京市', { province: '江苏省' }],
    ['上海', { province: '上海市' }],
    ['北京市海淀区', { province: '北京市' }],
    ['广西壮族自治区', { province: '广西壮族自治区' }],
    ['广西', { province: '广西壮族自治区' }],
    ['内蒙古', { province: '内蒙古自治区' }],
    ['黑龙江省', { province: '黑龙江省' }],
    ['香港', { province: '香港特别行政区' }],
    ['浙江省驻上海办事处', { province: ZJ }], // both: the first in the text wins
    ['上海市浙江商会', { province: '上海市' }],
    ['江苏路桥建设集团', { province: '江苏省' }],
    ['杭州市上海路18号', { province: ZJ, city: '杭州市' }], // a street, not the municipality
    ['宁波市北京东路', { province: ZJ, city: '宁波市' }],
    ['中交路桥建设有限公司', null],
    ['三门峡市', null], // 河南, not 台州三门
    ['三门县', { province: ZJ, city: '台州市', county: '三门县' }],
    ['南京市', null],
    ['上海南路', null], // neither 上海 nor 海南: a street
    ['运河北路', null],
    ['某某科技有限公司', null],
    ['', null],
  ])('%j → %j', (text, want) => {
    expect(div.findPlace(text)).toEqual(want);
  });

  it('knows all 11 cities and 90 county-level units', () => {
    const cities = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水'];
    for (const c of cities) expect(div.findPlace(c)).toEqual({ province: ZJ, city: `${c}市` });
    const data = JSON.parse(readFileSync(new URL('../../data/admin-divisions.json', import.meta.url), 'utf8')) as {
      zhejiang: Record<string, string[]>;
    };
    let n = 0;
    for (const [city, counties] of Object.entries(data.zhejiang)) {
      for (const county of counties) {
        n++;
        const want = { province: ZJ, city, county };
        expect(div.findPlace(county), county).toEqual(want);
        expect(div.findPlace(city + county), county).toEqual(want);
        const short = /族自治县$/.test(county) ? county.slice(0, 2) : county.slice(0, -1);
        expect(div.findPlace(short), short).toEqual(want);
      }
    }
    expect(n).toBe(90);
  });

  it('recognises every other province by full and short name', () => {
    const data = JSON.parse(readFileSync(new URL('../../data/admin-divisions.json', import.meta.url), 'utf8')) as {
      provinces: string[];
    };
    expect(data.provinces).toHaveLength(34);
    for (const p of data.provinces) {
      expect(div.findPlace(p), p).toEqual({ province: p });
      const short = p.replace(/(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/, '');
      expect(div.findPlace(short), short).toEqual({ province: p });
    }
  });
});
