#!/usr/bin/env python
# -*- coding: utf-8 -*-
# @Time    : 2019-5-20 20:58
# @Author  : zhdya@zhdya.cn
# @File    : TESTEEE.py


import hashlib, hmac, json, os, sys, time
from datetime import datetime
import time

# 密钥参数
secret_id = "AKIDdDd1IRIBmCQTKvGkwwkMm143sVwAbRVx"
secret_key = "a0FIArNsIXlneTAqKcxHVYO2d2LSWCxW"

service = "cvm"
host = "cvm.tencentcloudapi.com"
endpoint = "https://" + host
region = "ap-guangzhou"
action = "DescribeInstances"
version = "2017-03-12"
algorithm = "TC3-HMAC-SHA256"
timestamp = int(time.time()+365)
print(timestamp)
date = datetime.utcfromtimestamp(timestamp).strftime("%Y-%m-%d")
params = {"Limit": 10, "Offset": 0}

# ************* 步骤 1：拼接规范请求串 *************
http_request_method = "GET"
canonical_uri = "/"
canonical_querystring = "Limit=10&Offset=0"
ct = "x-www-form-urlencoded"
payload = ""
if http_request_method == "POST":
    canonical_querystring = ""
    ct = "json"
    payload = json.dumps(params)
canonical_headers = "content-type:application/%s\nhost:%s\n" % (ct, host)
signed_headers = "content-type;host"
hashed_request_payload = hashlib.sha256(payload.encode("utf-8")).hexdigest()
