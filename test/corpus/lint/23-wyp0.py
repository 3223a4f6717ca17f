# -*- encoding:utf-8 -*-

'''
该文件使用讯飞进行实时语音转写
'''

import chunk
import sys
import hashlib
from hashlib import sha1
import hmac
import base64
from socket import *
import json, time, threading
from websocket import create_connection
import websocket
from urllib.parse import quote
import logging
import pyaudio
import wave
import keyboard

# reload(sys)
# sys.setdefaultencoding("utf8")
logging.basicConfig()

#讯飞参数
base_url = "ws://rtasr.xfyun.cn/v1/ws"
app_id = "539e5c09"
api_key = "139f309eadd3b64ef434985c8617c3fb"
file_path = "test_1.pcm"

pd = "edu"

end_tag = "{\"end\": true}"

#读取音频流的参数
CHUNK = 1024
FORMAT = pyaudio.paInt16
CHANNELS = 1
RATE = 16000
# RECORD_SECONDS = 60

class Client():
    #连接websocket
    def __init__(self):
        ts = str(int(time.time()))
        tt = (app_id + ts).encode('utf-8')
        md5 = hashlib.md5()
        md5.update(tt)
        baseString = md5.hexdigest()
        baseString = bytes(baseString, encoding='utf-8')

        apiKey = api_key.encode('utf-8')
        signa = hmac.new(apiKey, baseString, hashlib.sha1).digest()
        signa = base64.b64encode(signa)
        signa = str(signa, 'utf-8')

        self.ws = create_connection(base_url + "?appid=" + app_id + "&ts=" + ts + "&signa=" + quote(signa))
        self.trecv = threading.Thread(target=self.recv)
        self.trecv.start()

